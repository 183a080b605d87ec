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
# Publishing choices, measured against cold start (the figure that matters on Lambda and per Batch job;
# docs/BENCHMARKS.md, "Native AOT"):
# - Native AOT: one native executable, ai-agents, holds all fourteen agents and starts in tens of milliseconds
#   (ReadyToRun: hundreds). The agents' dependencies are AOT-safe (no Octokit, no Serilog.Expressions; JSON
#   is source-generated), and the publish fails on any trim or AOT warning (TreatWarningsAsErrors).
# - One executable instead of fourteen: each native build links the same libraries, so one build keeps
#   the image small and the build short. The entrypoint runs `ai-<name>-agent ARGS` as `ai-agents
#   ai-<name>-agent ARGS`; the list below is the agents it accepts.
# - runtime-deps base image: a native executable needs no .NET runtime, only its native dependencies.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
# Native AOT links with the platform toolchain.
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
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
    for agent in ${AGENTS}; do test -f "agents/${agent}/${agent}.csproj"; done; \
    dotnet publish agents/ai-agents/ai-agents.csproj \
      --configuration Release \
      --runtime linux-x64 \
      -p:PublishAot=true \
      -p:StripSymbols=true \
      -p:DebugType=none \
      -p:PublishDocumentationFile=false \
      -p:PublishReferencesDocumentationFiles=false \
      --output /opt/businessops/bin; \
    test -x /opt/businessops/bin/ai-agents; \
    rm -f /opt/businessops/bin/*.pdb /opt/businessops/bin/*.dbg /opt/businessops/bin/*.xml; \
    printf '%s\n' ${AGENTS} > /opt/businessops/agents

FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION} AS runtime
# Short-lived processes: workstation GC keeps one small heap instead of one per core.
ENV DOTNET_gcServer=0 \
    BUSINESSOPS_HOME=/opt/businessops \
    PATH="/opt/businessops/bin:${PATH}"
COPY --from=build /opt/businessops/bin/ /opt/businessops/bin/
COPY --from=build /opt/businessops/agents /opt/businessops/agents
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
