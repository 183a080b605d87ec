using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>
/// Issue 12 (trial): <c>policies validate</c> on a copy of the shipped folder refuses, with file:line:column, a workflow
/// step named by topic instead of its agent's form fields, a review no agent can pass, and a threshold no agent can trip.
/// </summary>
public sealed class PoliciesValidateAgentContractTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public PoliciesValidateAgentContractTests()
    {
        Policies = Path.Combine(_cli.Root, "policies");
        PoliciesValidateTemplatesTests.Copy(Path.Combine(PoliciesValidateTemplatesTests.RepositoryRoot(), "policies"), Policies);
    }

    private string Policies { get; }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Validate_ShippedFolder_Passes()
    {
        var run = await _cli.RunAsync("policies", "validate", "--policies", Policies);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
    }

    [Fact]
    public async Task Validate_StepsAndRulesTheAgentsCannotServe_ExitTwoWithEachAtItsPosition()
    {
        await File.WriteAllTextAsync(Path.Combine(Policies, "workflows", "draft.yml"),
            "steps:\n  - id: content\n    agent: marketing\n    inputs:\n      topic: { value: hiking }\n    review:\n      agent: manager\n");
        await File.WriteAllTextAsync(Path.Combine(Policies, "triggers.yml"),
            "thresholds:\n  - id: low\n    watch: marketing\n    when: engagement_rate < 0.05\n    issue:\n      title: t\n      agent: analytics\n");

        var run = await _cli.RunAsync("policies", "validate", "--policies", Policies);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("workflows/draft.yml:3:12: step 'content' gives ai-marketing-agent the fields topic", run.Error, StringComparison.Ordinal);
        Assert.Contains("workflows/draft.yml:7:7: the review of step 'content' can never pass", run.Error, StringComparison.Ordinal);
        Assert.Contains("triggers.yml:4:11: threshold 'low': no agent writes 'engagement_rate'", run.Error, StringComparison.Ordinal);
        Assert.Contains("3 error(s)", run.Error, StringComparison.Ordinal);
    }
}
