using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class SlaClockTests
{
    private static readonly SlaPolicy P = SlaPolicy.Default with { Managers = ["mona", "max"] };

    private static SlaReading At(Priority prio, TimeSpan after, TimeSpan humanWait = default)
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        var start = clock.GetUtcNow();
        clock.Advance(after);
        return SlaClock.Evaluate(prio, start, humanWait, clock.GetUtcNow(), P);
    }

    [Theory]
    [InlineData(Priority.P0, 1)]
    [InlineData(Priority.P1, 4)]
    [InlineData(Priority.P2, 24)]
    [InlineData(Priority.P3, 72)]
    public void Evaluate_JustStarted_OkWithFullTarget(Priority prio, int hours)
    {
        var r = At(prio, TimeSpan.Zero);

        Assert.Equal(SlaState.Ok, r.State);
        Assert.Equal(TimeSpan.FromHours(hours), r.Target);
        Assert.Equal(TimeSpan.FromHours(hours), r.Remaining);
    }

    [Theory]
    [InlineData(0.74, SlaState.Ok)]
    [InlineData(0.75, SlaState.AtRisk)]
    [InlineData(0.99, SlaState.AtRisk)]
    [InlineData(1.00, SlaState.AtRisk)]
    [InlineData(1.01, SlaState.Breached)]
    [InlineData(3.00, SlaState.Breached)]
    public void Evaluate_FractionOfTarget_State(double fraction, SlaState expected)
    {
        var r = At(Priority.P2, TimeSpan.FromHours(24 * fraction));

        Assert.Equal(expected, r.State);
    }

    [Fact]
    public void Evaluate_OneTickBeforeAtRisk_Ok()
    {
        Assert.Equal(SlaState.Ok, At(Priority.P1, TimeSpan.FromHours(3) - TimeSpan.FromTicks(1)).State);
    }

    [Fact]
    public void Evaluate_ExactlyAtTarget_AtRiskWithNothingRemaining()
    {
        var r = At(Priority.P0, TimeSpan.FromHours(1));

        Assert.Equal(SlaState.AtRisk, r.State);
        Assert.Equal(TimeSpan.Zero, r.Remaining);
        Assert.Equal(TimeSpan.Zero, r.Overdue);
    }

    [Fact]
    public void Evaluate_OneTickPastTarget_BreachedWithOverdue()
    {
        var r = At(Priority.P0, TimeSpan.FromHours(1) + TimeSpan.FromTicks(1));

        Assert.Equal(SlaState.Breached, r.State);
        Assert.Equal(TimeSpan.FromTicks(1), r.Overdue);
        Assert.Equal(TimeSpan.Zero, r.Remaining);
    }

    [Fact]
    public void Evaluate_HumanWaitExcluded_NotBreached()
    {
        // 26 h since the priority, 3 h of it waiting on an approval: 23 h count against a 24 h SLA.
        var r = At(Priority.P2, TimeSpan.FromHours(26), TimeSpan.FromHours(3));

        Assert.Equal(SlaState.AtRisk, r.State);
        Assert.Equal(TimeSpan.FromHours(23), r.Elapsed);
        Assert.Equal(TimeSpan.FromHours(1), r.Remaining);
    }

    [Fact]
    public void Evaluate_HumanWaitPushesBelowAtRisk_Ok()
    {
        var r = At(Priority.P0, TimeSpan.FromHours(2), TimeSpan.FromMinutes(90));

        Assert.Equal(SlaState.Ok, r.State);
        Assert.Equal(TimeSpan.FromMinutes(30), r.Elapsed);
    }

    [Fact]
    public void Evaluate_WithoutHumanWaitSameTime_Breached()
    {
        Assert.Equal(SlaState.Breached, At(Priority.P2, TimeSpan.FromHours(26)).State);
    }

    [Fact]
    public void Evaluate_NegativeHumanWait_Ignored()
    {
        Assert.Equal(TimeSpan.FromHours(2), At(Priority.P2, TimeSpan.FromHours(2), TimeSpan.FromHours(-5)).Elapsed);
    }

    [Fact]
    public void Evaluate_HumanWaitLongerThanElapsed_ZeroElapsed()
    {
        Assert.Equal(TimeSpan.Zero, At(Priority.P2, TimeSpan.FromHours(2), TimeSpan.FromHours(5)).Elapsed);
    }

    [Fact]
    public void Evaluate_NowBeforePriorityAt_ZeroElapsed()
    {
        var now = new FakeTimeProvider(Some.Epoch).GetUtcNow();

        var r = SlaClock.Evaluate(Priority.P2, now.AddMinutes(5), TimeSpan.Zero, now, P);

        Assert.Equal(TimeSpan.Zero, r.Elapsed);
        Assert.Equal(SlaState.Ok, r.State);
    }

    [Fact]
    public void Evaluate_CustomAtRiskFraction_Used()
    {
        var p = P with { AtRiskFraction = 0.5 };
        var now = new FakeTimeProvider(Some.Epoch).GetUtcNow();

        Assert.Equal(SlaState.AtRisk, SlaClock.Evaluate(Priority.P2, now.AddHours(-12), TimeSpan.Zero, now, p).State);
        Assert.Equal(SlaState.Ok, SlaClock.Evaluate(Priority.P2, now.AddHours(-11), TimeSpan.Zero, now, p).State);
    }

    [Theory]
    [InlineData(Priority.P0, true)]
    [InlineData(Priority.P1, true)]
    [InlineData(Priority.P2, false)]
    [InlineData(Priority.P3, false)]
    public void ManagersToMention_OnlyWhenPriorityRequiresManager(Priority prio, bool mentions)
    {
        var managers = SlaClock.ManagersToMention(prio, P);

        if (mentions)
        {
            Assert.Equal(new[] { "mona", "max" }, managers);
        }
        else
        {
            Assert.Empty(managers);
        }
    }

    [Fact]
    public void HumanWait_FinishedAndRunningWaits_Summed()
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        var since = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(TimeSpan.FromMinutes(40), SlaClock.HumanWait(600, since, clock.GetUtcNow()));
    }

    [Fact]
    public void HumanWait_NoRunningWait_FinishedOnly()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), SlaClock.HumanWait(90, null, new FakeTimeProvider(Some.Epoch).GetUtcNow()));
    }

    [Fact]
    public void HumanWait_CorruptValues_NeverNegativeNorThrows()
    {
        var now = new FakeTimeProvider(Some.Epoch).GetUtcNow();

        Assert.Equal(TimeSpan.Zero, SlaClock.HumanWait(-5, now.AddHours(1), now));
        Assert.True(SlaClock.HumanWait(long.MaxValue, null, now) > TimeSpan.FromDays(3000));
    }

    [Theory]
    [InlineData(SlaState.Ok, null)]
    [InlineData(SlaState.AtRisk, "sla/at-risk")]
    [InlineData(SlaState.Breached, "sla/breached")]
    public void Label_State_SlaLabel(SlaState state, string? expected)
    {
        Assert.Equal(expected, SlaClock.Label(state));
    }
}
