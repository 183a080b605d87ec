using BusinessOps.Coordinator.Effects;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// What is approved is what happens (issue 9, defect 1): an edit of the issue after the plan voids the plan and its
/// approvals, a new plan is made and announced, and the execute phase only ever runs on the inputs that were approved.
/// </summary>
public sealed class ApprovalBypassTests
{
    private const string Small = "### Invoice\n\nAmount: $4,000\n\nVendor: Initech";
    private const string Huge = "### Invoice\n\nAmount: $900,000\n\nVendor: Initech";

    [Fact]
    public async Task RunOnce_BodyEditedAfterPlanThenApproved_PlanVoidedAndNothingExecutesOnTheNewBody()
    {
        var s = new Shell();
        s.Executor.Script = Plans.Invoice;
        var n = await s.FileAsync("Pay Initech", Small, "finance/analysis", "priority/P2");
        await s.PassAsync();
        Assert.Contains("Finance manager 0 of 1", await s.StatusCommentAsync(n), StringComparison.Ordinal);

        s.Clock.Advance(TimeSpan.FromMinutes(1));
        s.Store.EditIssue(n, body: Huge);
        s.Say(n, "fiona", "/approve");
        await s.PassAsync();

        Assert.DoesNotContain(s.Executor.Requests, r => r.Phase == IdempotencyKey.ExecutePhase);
        var issue = await s.IssueAsync(n);
        Assert.DoesNotContain("status/done", issue.Labels);
        var note = Assert.Single(issue.Comments, c => c.Body.Contains("businessops:note replan:", StringComparison.Ordinal));
        Assert.Contains("changed after the plan", note.Body, StringComparison.Ordinal);
        var replanned = Assert.Single(s.Executor.Requests, r => r.Attempt == 2);
        Assert.Equal(IdempotencyKey.PlanPhase, replanned.Phase);
        Assert.Equal(Huge, replanned.Issue.Body);

        // The new plan ($900,000) is a decision for a human: fiona's approval of the old plan does not count for it.
        Assert.Contains("status/awaiting-decision", issue.Labels);
        Assert.Equal(0, (await s.PassAsync()).Writes);
        Assert.DoesNotContain(s.Executor.Requests, r => r.Phase == IdempotencyKey.ExecutePhase);
    }

    [Fact]
    public async Task RunOnce_BodyUnchangedAndApproved_ExecutesOnTheApprovedBody()
    {
        var s = new Shell();
        s.Executor.Script = Plans.Invoice;
        var n = await s.FileAsync("Pay Initech", Small, "finance/analysis", "priority/P2");
        await s.PassAsync();

        s.Say(n, "fiona", "/approve");
        await s.PassAsync();

        // The approved plan's effect is performed (no agent runs again), with the approved amount.
        Assert.DoesNotContain(s.Executor.Requests, r => r.Phase == IdempotencyKey.ExecutePhase);
        var issue = await s.IssueAsync(n);
        Assert.Single(issue.Comments, c => c.Body.StartsWith("Paid $4,000.", StringComparison.Ordinal));
        Assert.Contains("status/done", issue.Labels);
    }

    [Fact]
    public async Task RunOnce_BodyEditedWhileExecuteRetryIsPending_NewPlanInsteadOfRetry()
    {
        var s = new Shell();
        s.Executor.Script = Plans.Invoice;
        s.Effects = new FailingOnce(new StoreEffectConnector(s.Store));
        var n = await s.FileAsync("Pay Initech", Small, "finance/analysis", "priority/P2");
        await s.PassAsync();
        s.Say(n, "fiona", "/approve");
        await s.PassAsync();
        Assert.Contains("status/failed", (await s.IssueAsync(n)).Labels);

        s.Store.EditIssue(n, body: Huge);
        s.Clock.Advance(TimeSpan.FromHours(2));
        await s.PassAsync();

        Assert.DoesNotContain((await s.IssueAsync(n)).Comments, c => c.Body.StartsWith("Paid", StringComparison.Ordinal));
        Assert.Equal(IdempotencyKey.PlanPhase, s.Executor.Requests[^1].Phase);
        Assert.Equal(Huge, s.Executor.Requests[^1].Issue.Body);
    }

    /// <summary>The target times out once (a transient failure, retried with backoff), then works.</summary>
    private sealed class FailingOnce(IEffectConnector inner) : IEffectConnector
    {
        private int _calls;

        public string? Unavailable(Effect effect) => inner.Unavailable(effect);

        public Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken) =>
            _calls++ == 0 ? Task.FromResult(EffectOutcome.Failed("upstream timeout", permanent: false)) : inner.PerformAsync(request, cancellationToken);

        public Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken) => inner.CheckAsync(request, cancellationToken);
    }
}
