using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Ledger;

namespace BusinessOps.Automation.Tests.Ledger;

public sealed class LedgerAndMarkerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ledger_RoundTripsThroughItsMarker()
    {
        var ledger = new AutomationLedger
        {
            ScheduleCursors = { ["morning-briefing"] = Now },
            Feeds = { ["news"] = new FeedState("\"v1\"", "Tue, 10 Mar 2026 12:00:00 GMT", ["00ff00ff00ff00ff"], Now) },
            Triggers = { ["low-engagement/acme/2026-03-10T00:00:00Z"] = Now, ["old/-/2026-01-01T00:00:00Z"] = Now.AddDays(-60) },
        };

        var back = AutomationLedger.FromMarker("Automation state\n\n" + ledger.ToMarker());

        Assert.Equal(Now, back.ScheduleCursors["morning-briefing"]);
        Assert.Equal(["00ff00ff00ff00ff"], back.Feeds["news"].Seen);
        Assert.Equal(["low-engagement/acme/2026-03-10T00:00:00Z"], back.Pruned(Now, TimeSpan.FromDays(30)).Triggers.Keys);
    }

    [Theory]
    [InlineData("no marker here")]
    [InlineData("<!-- businessops:automation-ledger {not json} -->")]
    [InlineData("<!-- businessops:automation-ledger {\"scheduleCursors\":")]
    public void Ledger_MissingOrBroken_StartsEmpty(string body) => Assert.Empty(AutomationLedger.FromMarker(body).ScheduleCursors);

    [Fact]
    public void Marker_KeyWithHtmlAndMentions_StaysInert()
    {
        var marker = AutomationMarker.Format(new AutomationKey(AutomationKinds.Slot, "x --> @team ${{ secrets.X }}"));

        Assert.DoesNotContain("-->", marker[..^4], StringComparison.Ordinal);
        Assert.DoesNotContain("@", marker, StringComparison.Ordinal);
        Assert.DoesNotContain("$", marker, StringComparison.Ordinal);
        Assert.True(AutomationMarker.TryParse(marker, out var key));
        Assert.Equal("x --> @team ${{ secrets.X }}", key.Value);
    }

    [Theory]
    [InlineData("<!-- businessops:automation {\"kind\":1} -->")]
    [InlineData("<!-- businessops:automation nope -->")]
    [InlineData("<!-- businessops:automation {\"kind\":\"slot\"")]
    public void Marker_Malformed_IsAbsent(string body) => Assert.False(AutomationMarker.TryParse(body, out _));
}
