using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Issues;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, human gates under the governance rules: a gate child is decided only by a member of the approvals.yml role
/// the workflow names (write access alone is not enough); anyone else's <c>/approve</c> gets one clear answer.
/// </summary>
public sealed class GateApprovalTests
{
    private const string Gated = """
        title: Gated
        steps:
          - id: draft
            agent: marketing
            labels: [marketing/content]
            gate:
              role: finance-manager
          - id: publish
            agent: marketing
            labels: [marketing/social]
            needs: [draft]
        """;

    [Fact]
    public async Task Passes_ApproveByWriterOutsideTheRole_DoesNotCountUntilAMemberApproves()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/gated.yml"] = Gated }, new DateTimeOffset(2026, 11, 9, 16, 5, 0, TimeSpan.Zero));
        s.Executor.Script = r => AutoShell.With(r, """{"ok":true}""");
        var parent = await s.Step().StartWorkflowAsync(s.Store, WorkflowStarter.Start(s.Automation.Workflows["gated"], [], null, "test").Parent!, CancellationToken.None);
        await s.PassAsync();
        await s.PassAsync();
        var gate = (await WorkflowWiringTests.ChildrenAsync(s, parent.Number))["draft/gate/r1/a1"];

        // olivia has write access and is operations-manager, not finance-manager.
        s.Inner.Say(gate.Number, "olivia", "/approve ship it");
        await s.PassAsync();
        await s.PassAsync();

        Assert.DoesNotContain("publish/run/r1/a1", (await WorkflowWiringTests.ChildrenAsync(s, parent.Number)).Keys);
        var answer = Assert.Single((await s.Memory.GetIssueAsync(gate.Number, CancellationToken.None))!.Comments, c => c.Author == s.Store.Identity);
        Assert.Contains("finance-manager", answer.Body, StringComparison.Ordinal);
        Assert.Contains("`fiona`", answer.Body, StringComparison.Ordinal);

        s.Inner.Say(gate.Number, "fiona", "/approve");
        await s.PassAsync();

        Assert.Contains("publish/run/r1/a1", (await WorkflowWiringTests.ChildrenAsync(s, parent.Number)).Keys);
        var tasks = (await s.Memory.GetIssueAsync(parent.Number, CancellationToken.None))!.Comments.Single(c => c.Body.Contains("workflow-children", StringComparison.Ordinal));
        Assert.Contains("approved by finance-manager", tasks.Body, StringComparison.Ordinal);
        Assert.NotEqual(IssueState.Closed, (await s.Memory.GetIssueAsync(parent.Number, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Passes_GateRoleWithoutMembers_NobodyCountsAndTheAnswerSaysWhereToAddThem()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/gated.yml"] = Gated.Replace("finance-manager", "legal-counsel", StringComparison.Ordinal) }, new DateTimeOffset(2026, 11, 9, 16, 5, 0, TimeSpan.Zero));
        s.Executor.Script = r => AutoShell.With(r, """{"ok":true}""");
        var parent = await s.Step().StartWorkflowAsync(s.Store, WorkflowStarter.Start(s.Automation.Workflows["gated"], [], null, "test").Parent!, CancellationToken.None);
        await s.PassAsync();
        await s.PassAsync();
        var gate = (await WorkflowWiringTests.ChildrenAsync(s, parent.Number))["draft/gate/r1/a1"];

        s.Inner.Say(gate.Number, "fiona", "/approve");
        await s.PassAsync();

        Assert.DoesNotContain("publish/run/r1/a1", (await WorkflowWiringTests.ChildrenAsync(s, parent.Number)).Keys);
        var answer = Assert.Single((await s.Memory.GetIssueAsync(gate.Number, CancellationToken.None))!.Comments, c => c.Author == s.Store.Identity);
        Assert.Contains("`legal-counsel` has no members in `policies/approvals.yml`", answer.Body, StringComparison.Ordinal);
    }
}
