using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// One context for every path: the same issue with the same facts — today's spend already past the daily limit
/// because of an issue that has since been closed — decides the same through the full pass, event mode, the settle
/// step after a local run, and <c>--dry-run</c>.
/// </summary>
public sealed class SameFactsEveryPathTests
{
    private static readonly Classification Routine = Classification.Routine;

    [Fact]
    public async Task Decide_PlanResultWithSpendPastLimitFromClosedIssue_SameOutcomeOnEveryPath()
    {
        var full = await ArrangeAsync(agentAnswersLater: true);
        await full.Shell.PassAsync();

        var viaEvent = await ArrangeAsync(agentAnswersLater: true);
        await viaEvent.Shell.EventAsync(viaEvent.Issue);

        var settled = await ArrangeAsync(agentAnswersLater: false);

        // Dry runs write nothing, so the full pass and the event decide the very same snapshot: the same actions, line by line.
        var dry = await ArrangeAsync(agentAnswersLater: true);
        var dryPass = await dry.Shell.EventAsync(dry.Issue, dryRun: true);
        var viaEventLines = Lines(dry.Shell, dry.Issue);
        dry.Shell.DryRunOutput.GetStringBuilder().Clear();
        await dry.Shell.Reconciler(dryRun: true).RunOnceAsync(CancellationToken.None);
        Assert.Equal(viaEventLines, Lines(dry.Shell, dry.Issue));
        Assert.NotEmpty(viaEventLines);

        var expected = await OutcomeAsync(full);
        Assert.Equal("status/awaiting-approval", expected.Status);
        Assert.Equal(expected, await OutcomeAsync(viaEvent));
        Assert.Equal(expected, await OutcomeAsync(settled));
        Assert.Equal(0, dryPass.Writes);
        Assert.Contains(viaEventLines, l => l.Contains("status/awaiting-approval", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 1 ran today for $60 (more than the $50 daily limit) and was closed. Issue 2's routine plan then comes in:
    /// either later through its result comment (full pass, event, dry run) or at once from a local run (settle).
    /// </summary>
    private static async Task<(Shell Shell, int Issue)> ArrangeAsync(bool agentAnswersLater)
    {
        var s = new Shell();
        var spent = await s.FileAsync("Quarterly analysis", "### Request\n\nall of it", "analytics/kpi", "priority/P2");
        s.Executor.Script = r => Plans.Result(r, AgentOutcome.Completed, Routine, cost: 60m);
        await s.PassAsync();
        await s.Store.SetStateAsync(spent, IssueState.Closed, CancellationToken.None);

        var n = await s.FileAsync("QA", "### Test results\n\n<xml/>", "dev/qa", "priority/P2");
        s.Executor.Script = agentAnswersLater ? _ => null : r => Plans.Result(r, AgentOutcome.Completed, Routine, cost: 0.01m);
        await s.PassAsync();
        if (agentAnswersLater)
        {
            // The agent wrote its result itself (as the store identity), as agents on AWS do.
            var key = (await s.StateAsync(n)).Key!;
            var record = new ResultRecord(key, "ai-qa-agent", AgentOutcome.Completed, 0.9, 0.01m, Routine, Summary: "did the work");
            s.Clock.Advance(TimeSpan.FromSeconds(5));
            s.Store.AddCommentAs(n, s.Store.Identity, "**ai-qa-agent**: did the work\n\n" + Markers.Format(record), isBot: true);
        }

        return (s, n);
    }

    private static List<string> Lines(Shell shell, int issue) =>
        [.. shell.DryRunOutput.ToString().Split('\n').Where(l => l.StartsWith($"#{issue} ", StringComparison.Ordinal))];

    private static async Task<(string Status, string Labels, string Approvals)> OutcomeAsync((Shell Shell, int Issue) path)
    {
        var issue = await path.Shell.IssueAsync(path.Issue);
        var state = await path.Shell.StateAsync(path.Issue);
        var labels = string.Join(",", issue.Labels.Where(l => !l.StartsWith("review/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        return (issue.Labels.Single(l => l.StartsWith("status/", StringComparison.Ordinal)), labels, state.Approvals ?? string.Empty);
    }
}
