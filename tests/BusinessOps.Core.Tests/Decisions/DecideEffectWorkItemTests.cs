using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>Issues an approved effect opened for people (task sub-issues, incidents) are not triaged as unroutable.</summary>
public sealed class DecideEffectWorkItemTests
{
    private static readonly string Marked = EffectMarker.Append("Task 1 of 3 for #5.\n\nPart of #5.", "local/ops#5/a1/execute/e1");

    private static async Task<(DecideHarness H, int N)> OpenedAsync(string author, string body, params string[] labels)
    {
        var h = new DecideHarness { StartRuns = false };
        h.Policies = h.Policies with { Identity = h.Store.Identity };
        h.Store.Actor = author;
        var n = (await h.Store.CreateIssueAsync(new NewIssue("[1/3] Migrate the users table", body, labels), CancellationToken.None)).Number;
        h.Store.Actor = h.Store.Identity;
        return (h, n);
    }

    [Fact]
    public async Task Decide_SubIssueOpenedByAnEffect_LeftAlone()
    {
        var (h, n) = await OpenedAsync(DecideHarnessIdentity(), Marked, "priority/P2");

        Assert.Empty(await h.PassAsync(n));
    }

    [Fact]
    public async Task Decide_SamePastedByAPerson_TriagedAsUnroutable()
    {
        var (h, n) = await OpenedAsync("mallory", Marked);

        await h.PassAsync(n);

        Assert.Contains("status/needs-triage", (await h.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task Decide_EffectIssueRoutedByAPerson_Dispatched()
    {
        var (h, n) = await OpenedAsync(DecideHarnessIdentity(), Marked, "dev/implementation", "priority/P2");

        var actions = await h.PassAsync(n);

        Assert.Single(actions.OfType<DispatchAgent>());
    }

    private static string DecideHarnessIdentity() => new DecideHarness().Store.Identity;
}
