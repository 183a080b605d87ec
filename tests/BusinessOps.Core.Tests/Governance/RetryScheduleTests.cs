using System.Globalization;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class RetryScheduleTests
{
    private static readonly RetryPolicy P = RetryPolicy.Default; // 1 min, ×2, cap 1 h, escalate at 3

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(100, 60)]
    [InlineData(int.MaxValue, 60)]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    public void BaseDelay_DoublesFromOneMinuteCappedAtAnHour(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetrySchedule.BaseDelay(failures, P));
    }

    [Fact]
    public void Delay_ManyKeys_WithinTwentyPercentAndNeverAboveCap()
    {
        for (var n = 1; n <= 8; n++)
        {
            var baseDelay = RetrySchedule.BaseDelay(n, P);
            for (var i = 0; i < 500; i++)
            {
                var d = RetrySchedule.Delay(n, string.Create(CultureInfo.InvariantCulture, $"acme/ops#{i}/a{n}/plan"), P);

                Assert.InRange(d, baseDelay * 0.8, baseDelay * 1.2);
                Assert.True(d <= P.Cap, $"{d} exceeds the cap");
            }
        }
    }

    [Fact]
    public void Delay_ManyKeys_JitterSpreadsBothWays()
    {
        var below = 0;
        var above = 0;
        for (var i = 0; i < 1000; i++)
        {
            var d = RetrySchedule.Delay(3, string.Create(CultureInfo.InvariantCulture, $"k{i}"), P);
            below += d < TimeSpan.FromMinutes(4) ? 1 : 0;
            above += d > TimeSpan.FromMinutes(4) ? 1 : 0;
        }

        Assert.InRange(below, 400, 600);
        Assert.InRange(above, 400, 600);
    }

    [Fact]
    public void Delay_SameKey_Deterministic()
    {
        Assert.Equal(RetrySchedule.Delay(2, "acme/ops#7/a2/execute", P), RetrySchedule.Delay(2, "acme/ops#7/a2/execute", P));
    }

    [Fact]
    public void NextAttemptAt_FailedAtPlusDelay()
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        var failedAt = clock.GetUtcNow();

        var next = RetrySchedule.NextAttemptAt(2, failedAt, "acme/ops#7/a2/execute", P);

        Assert.Equal(failedAt + RetrySchedule.Delay(2, "acme/ops#7/a2/execute", P), next);
        Assert.InRange(next, failedAt.AddSeconds(96), failedAt.AddSeconds(144));
    }

    [Fact]
    public void Delay_AtCap_JitterOnlyDownward()
    {
        for (var i = 0; i < 200; i++)
        {
            var d = RetrySchedule.Delay(50, string.Create(CultureInfo.InvariantCulture, $"k{i}"), P);

            Assert.InRange(d, TimeSpan.FromMinutes(48), TimeSpan.FromMinutes(60));
        }
    }

    [Fact]
    public void BaseDelay_FactorBelowOne_NoShrinking()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), RetrySchedule.BaseDelay(5, P with { Factor = 0.5 }));
    }

    [Fact]
    public void BaseDelay_NoCap_BoundedAtCeiling()
    {
        Assert.Equal(RetrySchedule.UncappedCeiling, RetrySchedule.BaseDelay(1000, P with { Cap = TimeSpan.Zero }));
        Assert.Equal(TimeSpan.FromMinutes(512), RetrySchedule.BaseDelay(10, P with { Cap = TimeSpan.Zero }));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void ShouldEscalate_AtThreeConsecutiveFailures(int failures, bool expected)
    {
        Assert.Equal(expected, RetrySchedule.ShouldEscalate(failures, P));
    }

    [Fact]
    public void ShouldEscalate_MaxZero_Never()
    {
        Assert.False(RetrySchedule.ShouldEscalate(100, P with { MaxConsecutiveFailures = 0 }));
    }
}
