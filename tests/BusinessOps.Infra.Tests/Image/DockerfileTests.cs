using System.Text.RegularExpressions;
using BusinessOps.Core.Labels;
using BusinessOps.Infra.Tests.Support;
using Xunit;

namespace BusinessOps.Infra.Tests.Image;

public sealed partial class DockerfileTests
{
    private readonly string _dockerfile = RepositoryFiles.Read("infra/agent.Dockerfile");

    [Fact]
    public void AgentList_Dockerfile_IsExactlyTheFourteenAgents()
    {
        var listed = ListedAgents();

        Assert.Equal(AgentNames.All.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AgentList_EveryListedAgent_HasItsProjectInAgents()
    {
        var missing = ListedAgents()
            .Where(a => !File.Exists(RepositoryFiles.PathOf($"agents/{a}/{a}.csproj")))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void AgentList_EveryAgentProjectInAgents_IsListed()
    {
        var projects = Directory.GetDirectories(RepositoryFiles.PathOf("agents"), "ai-*-agent").Select(Path.GetFileName).OfType<string>();

        var unlisted = projects.Except(ListedAgents()).ToList();

        Assert.Empty(unlisted);
    }

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build")]
    [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION} AS runtime")]
    [InlineData("--runtime linux-x64")]
    [InlineData("dotnet publish agents/ai-agents/ai-agents.csproj")]
    [InlineData("-p:PublishAot=true")]
    [InlineData("clang zlib1g-dev")]
    [InlineData("printf '%s\\n' ${AGENTS} > /opt/businessops/agents")]
    [InlineData("--output /opt/businessops/bin")]
    [InlineData("/var/runtime/bootstrap")]
    [InlineData("ENTRYPOINT [\"/opt/businessops/entrypoint.sh\"]")]
    [InlineData("USER app")]
    public void Dockerfile_Contains_TheDocumentedBuild(string text)
    {
        Assert.Contains(text, _dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void LambdaFunction_Command_IsTheOneExecutableOfAllAgents()
    {
        var template = RepositoryFiles.Read("infra/businessops.yml");

        Assert.Contains("Command: [ai-agents]", template, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_CopiedFiles_ExistInTheRepository()
    {
        var sources = CopyLine().Matches(_dockerfile)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(File.Exists(RepositoryFiles.PathOf(s)) || Directory.Exists(RepositoryFiles.PathOf(s)), s));
    }

    [Fact]
    public void Entrypoint_OnlyStartsAgentExecutables()
    {
        var script = RepositoryFiles.Read("infra/agent-entrypoint.sh");

        Assert.StartsWith("#!/bin/sh", script, StringComparison.Ordinal);
        Assert.Contains("ai-*-agent | ai-agents) ;;", script, StringComparison.Ordinal);
        Assert.Contains("exec \"$bin/$agent\" \"$@\"", script, StringComparison.Ordinal);
    }

    private List<string> ListedAgents()
    {
        var start = _dockerfile.IndexOf("ARG AGENTS=", StringComparison.Ordinal);
        Assert.True(start >= 0, "ARG AGENTS not found");
        var end = _dockerfile.IndexOf("\"\n", start + "ARG AGENTS=\"".Length, StringComparison.Ordinal);
        return [.. AgentName().Matches(_dockerfile[start..end]).Select(m => m.Value)];
    }

    [GeneratedRegex(@"ai-[a-z-]+?-agent")]
    private static partial Regex AgentName();

    // COPY without --from: sources come from the build context (the repository root).
    [GeneratedRegex(@"^COPY (?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();
}
