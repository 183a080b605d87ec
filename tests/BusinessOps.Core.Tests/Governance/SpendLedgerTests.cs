using BusinessOps.Core.Governance;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class SpendLedgerTests
{
    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset Midnight = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly (decimal Cost, DateTimeOffset At, string? Client)[] Entries =
    [
        (1.50m, Midnight, "client/acme"),                       // first instant of today
        (2.00m, Midnight.AddHours(10), "client/ACME"),          // same client, other case
        (4.00m, Midnight.AddHours(12), "client/globex"),
        (8.00m, Midnight.AddHours(14), null),                   // no client
        (16.00m, Midnight.AddTicks(-1), "client/acme"),         // yesterday's last instant
        (32.00m, Midnight.AddDays(1), "client/acme"),           // tomorrow
        (-64.00m, Midnight.AddHours(1), "client/acme"),         // garbage: ignored
    ];

    [Fact]
    public void SumToday_MixedDays_SumsOnlyTodayUtc()
    {
        Assert.Equal(15.50m, SpendLedger.SumToday(Entries, Clock.GetUtcNow()));
    }

    [Fact]
    public void SumTodayForClient_CaseInsensitiveClient_SumsThatClient()
    {
        Assert.Equal(3.50m, SpendLedger.SumTodayForClient(Entries, Clock.GetUtcNow(), "client/acme"));
        Assert.Equal(4.00m, SpendLedger.SumTodayForClient(Entries, Clock.GetUtcNow(), "client/globex"));
        Assert.Equal(0m, SpendLedger.SumTodayForClient(Entries, Clock.GetUtcNow(), "client/initech"));
    }

    [Fact]
    public void SumToday_NowWithOffset_UsesUtcDay()
    {
        // 01:00 at +02:00 is still 23:00 UTC on the previous day.
        var now = new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(15.50m, SpendLedger.SumToday(Entries, now));
    }

    [Fact]
    public void SumToday_EntryWithOffset_ComparedInUtc()
    {
        // 23:30 at -01:00 on Nov 1 is 00:30 UTC on Nov 2.
        var entries = new (decimal, DateTimeOffset, string?)[] { (5m, new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.FromHours(-1)), null) };

        Assert.Equal(5m, SpendLedger.SumToday(entries, Clock.GetUtcNow()));
    }

    [Fact]
    public void SumToday_NextDay_StartsFromZero()
    {
        var clock = new FakeClock(Clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(9));

        Assert.Equal(32m, SpendLedger.SumToday(Entries, clock.GetUtcNow()));
    }

    [Fact]
    public void SumToday_NoEntries_Zero()
    {
        Assert.Equal(0m, SpendLedger.SumToday([], Clock.GetUtcNow()));
    }

    [Fact]
    public void DayStart_AnyTime_UtcMidnight()
    {
        Assert.Equal(Midnight, SpendLedger.DayStart(Clock.GetUtcNow()));
    }
}
