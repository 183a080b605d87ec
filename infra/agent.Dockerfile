# syntax=docker/dockerfile:1
# One image with all fourteen BusinessOps agents, for AWS Batch (Fargate) and AWS Lambda (container image).
#
#   docker build -f infra/agent.Dockerfile -t businessops-agents .       (context: the repository root)
#   docker run --rm businessops-agents ai-security-agent --demo
#
# The command selects the agent: `ai-<name>-agent [arguments]`. Batch passes it in
# containerOverrides.command. The Lambda function's ImageConfig.Command is `ai-agents`, the one executable
# that serves all fourteen (the event's "agent" field names which): inside Lambda (AWS_LAMBDA_RUNTIME_API set)
# the agent host runs the custom-runtime loop (provided.al2023 contract).
#
# Publishing choices, measured against cold start (the figure that matters on Lambda and per Batch job):
# - ReadyToRun: precompiled code, so start-up does not wait for the JIT; tiered compilation still
#   optimises hot paths. (Native AOT starts faster still, but trims reflection-based code such as
#   YamlDotNet and would need fourteen separate native builds of the shared libraries.)
# - Framework-dependent (self-contained false) on the official runtime image: the shared framework there
#   is itself ReadyToRun-compiled, exists once instead of fourteen times (about 70 MB each), and gets
#   security patches by rebuilding on a newer base image without touching our code.
# - All agents publish into one folder: they share BusinessOps.*.dll and their dependencies, which are
#   the same build, so each agent adds only its small entry assembly.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    CI=true
# Build inputs only; infra/agent.Dockerfile.dockerignore keeps bin/ and obj/ of local builds out.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY core/ core/
COPY agents/ agents/
# The fourteen agents, one line each (tests/BusinessOps.Infra.Tests checks this list against agents/).
ARG AGENTS="\
 ai-architect-agent \
 ai-developer-agent \
 ai-qa-agent \
 ai-devops-agent \
 ai-manager-agent \
 ai-project-manager-agent \
 ai-marketing-agent \
 ai-sales-agent \
 ai-support-agent \
 ai-customer-success-agent \
 ai-analytics-agent \
 ai-finance-agent \
 ai-operations-agent \
 ai-security-agent"
RUN set -eu; \
    for agent in ${AGENTS}; do \
      dotnet publish "agents/${agent}/${agent}.csproj" \
        --configuration Release \
        --runtime linux-x64 \
        --self-contained false \
        -p:PublishReadyToRun=true \
        -p:DebugType=none \
        -p:PublishDocumentationFile=false \
        -p:PublishReferencesDocumentationFiles=false \
        --output /opt/businessops/bin; \
    done; \
    dotnet publish agents/ai-agents/ai-agents.csproj \
      --configuration Release \
      --runtime linux-x64 \
      --self-contained false \
      -p:PublishReadyToRun=true \
      -p:DebugType=none \
      -p:PublishDocumentationFile=false \
      -p:PublishReferencesDocumentationFiles=false \
      --output /opt/businessops/bin; \
    for agent in ${AGENTS} ai-agents; do test -x "/opt/businessops/bin/${agent}"; done

FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION} AS runtime
# Short-lived processes: workstation GC keeps one small heap instead of one per core.
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_gcServer=0 \
    BUSINESSOPS_HOME=/opt/businessops \
    PATH="/opt/businessops/bin:${PATH}"
COPY --from=build /opt/businessops/bin/ /opt/businessops/bin/
COPY infra/agent-entrypoint.sh /opt/businessops/entrypoint.sh
# Lambda's custom-runtime convention: a bootstrap at /var/runtime/bootstrap. The entrypoint plays
# that role too, so the image also runs under the Lambda Runtime Interface Emulator.
RUN chmod 0755 /opt/businessops/entrypoint.sh \
    && mkdir -p /var/runtime \
    && ln -s /opt/businessops/entrypoint.sh /var/runtime/bootstrap
# Writable scratch space (Lambda mounts everything else read-only).
WORKDIR /tmp
# The non-root user of the official .NET images.
USER app
ENTRYPOINT ["/opt/businessops/entrypoint.sh"]
CMD ["ai-manager-agent", "--demo"]
