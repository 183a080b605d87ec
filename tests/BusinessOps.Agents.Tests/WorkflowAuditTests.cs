using BusinessOps.Agents.Samples;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class WorkflowAuditTests
{
    private const string Risky = """
        name: triage
        on:
          issues:
            types: [opened]
        jobs:
          greet:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@67a3573c9a986a3f9c594539f4ab511d57bb3ce9
              - uses: ./.github/actions/local
              - run: |
                  echo "New issue"
                  echo "${{ github.event.issue.title }}"
              - name: safe
                env:
                  TITLE: ${{ github.event.issue.title }}
                run: echo "$TITLE"
        """;

    [Fact]
    public async Task Security_RiskyWorkflow_PermissionsPinningAndInjectionFound()
    {
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("Content", "```yaml\n" + Risky + "\n```")));
        var findings = run.Out("workflowFindings").AsArray().Select(f => (f!["kind"]!.GetValue<string>(), f["line"]!.GetValue<int>())).ToList();

        // Lines of the form body's content block (the fence is line 1).
        Assert.Equal([("missing-permissions", 1), ("unpinned-action", 10), ("script-injection", 15)], findings);

        // 100 − 25 (high) − 10 (medium) − 40 (critical).
        Assert.Equal(25, run.Num("score"));
        Assert.Contains("security score 25/100", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Security_HardenedWorkflow_NoFindings()
    {
        var hardened = "on: push\npermissions:\n  contents: read\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\n      - run: dotnet test\n";

        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("Content", hardened)));

        Assert.Empty(run.Out("workflowFindings").AsArray());
        Assert.Equal(100, run.Num("score"));
    }

    [Fact]
    public async Task Security_PlantedCloudKey_FoundAndRedacted()
    {
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("Content", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")));

        var finding = run.Out("findings").AsArray().Single()!;
        Assert.Equal("aws-access-key-id", finding["kind"]!.GetValue<string>());
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", run.Result.Plan + run.Result.Summary + string.Join("\n", run.Result.Actions), StringComparison.Ordinal);
        Assert.Empty(run.Out("workflowFindings").AsArray());
    }
}
