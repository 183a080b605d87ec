using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class ApprovalTimeoutsTests
{
    private static readonly ApprovalPolicy P = ApprovalPolicy.Default;

    private static TimeoutCheck After(ApprovalKind kind, TimeSpan waited, ApprovalPolicy? p = null)
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        var since = clock.GetUtcNow();
        clock.Advance(waited);
        return ApprovalTimeouts.Check(kind, since, clock.GetUtcNow(), p ?? P);
    }

    [Fact]
    public void Check_SynchronousJustBeforeFiveMinutes_NoneWithRemaining()
    {
        var check = After(ApprovalKind.Synchronous, TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        Assert.Equal(TimeoutOutcome.None, check.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), check.Remaining);
        Assert.Null(check.BackupRole);
        Assert.Equal(string.Empty, check.Explanation);
    }

    [Fact]
    public void Check_SynchronousAtFiveMinutes_BackupApprover()
    {
        var check = After(ApprovalKind.Synchronous, TimeSpan.FromMinutes(5));

        Assert.Equal(TimeoutOutcome.BackupApprover, check.Outcome);
        Assert.Equal("operations-manager", check.BackupRole);
        Assert.Equal(TimeSpan.Zero, check.Remaining);
        Assert.Equal("No approval within 5 minutes: Operations manager may now approve as backup.", check.Explanation);
    }

    [Fact]
    public void Check_AsynchronousJustBeforeFourHours_None()
    {
        Assert.Equal(TimeoutOutcome.None, After(ApprovalKind.Asynchronous, TimeSpan.FromHours(4) - TimeSpan.FromTicks(1)).Outcome);
    }

    [Fact]
    public void Check_AsynchronousAtFourHours_ConservativeDefault()
    {
        var check = After(ApprovalKind.Asynchronous, TimeSpan.FromHours(4));

        Assert.Equal(TimeoutOutcome.ConservativeDefault, check.Outcome);
        Assert.Null(check.BackupRole);
        Assert.Equal("No approval within 4 hours: nothing was done (conservative default). Approve to proceed.", check.Explanation);
    }

    [Fact]
    public void Check_ConsensusJustBeforeADay_None()
    {
        var check = After(ApprovalKind.Consensus, TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        Assert.Equal(TimeoutOutcome.None, check.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), check.Remaining);
    }

    [Fact]
    public void Check_ConsensusAtADay_Escalate()
    {
        var check = After(ApprovalKind.Consensus, TimeSpan.FromHours(24));

        Assert.Equal(TimeoutOutcome.Escalate, check.Outcome);
        Assert.Equal("No approval within 1 day: escalated to the managers.", check.Explanation);
    }

    [Fact]
    public void Check_LongPastTimeout_StillTheFallback()
    {
        Assert.Equal(TimeoutOutcome.Escalate, After(ApprovalKind.Consensus, TimeSpan.FromDays(30)).Outcome);
    }

    [Fact]
    public void Check_Deadline_IsWaitingSincePlusTimeout()
    {
        var since = new FakeTimeProvider(Some.Epoch).GetUtcNow();

        Assert.Equal(since.AddHours(4), ApprovalTimeouts.Check(ApprovalKind.Asynchronous, since, since, P).Deadline);
    }

    [Fact]
    public void Check_BackupFallbackWithoutBackupRole_Escalate()
    {
        var p = P with { Timeouts = new Dictionary<ApprovalKind, ApprovalTimeout> { [ApprovalKind.Synchronous] = new(TimeSpan.FromMinutes(5), TimeoutFallback.BackupApprover, null) } };

        var check = After(ApprovalKind.Synchronous, TimeSpan.FromMinutes(5), p);

        Assert.Equal(TimeoutOutcome.Escalate, check.Outcome);
        Assert.Contains("no backup approver", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KindWithoutTimeout_NeverTimesOut()
    {
        var p = P with { Timeouts = new Dictionary<ApprovalKind, ApprovalTimeout>() };

        var check = After(ApprovalKind.Consensus, TimeSpan.FromDays(365), p);

        Assert.Equal(TimeoutOutcome.None, check.Outcome);
        Assert.Null(check.Remaining);
        Assert.Null(check.Deadline);
    }
}
