using BusinessOps.Core.Governance;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class AuditTrailTests
{
    private static readonly DateTimeOffset At = new FakeTimeProvider(Some.Epoch).GetUtcNow();

    [Fact]
    public void Format_Entries_OneLinePerEntryInOrder()
    {
        var text = AuditTrail.Format(
        [
            new AuditEntry(At, "carla", "approved", "CFO approval for plan abc123"),
            new AuditEntry(At.AddMinutes(5), "businessops[bot]", "executed", string.Empty),
        ]);

        Assert.Equal(
            "- 2026-11-02 09:00:00 UTC · carla · approved · CFO approval for plan abc123\n" +
            "- 2026-11-02 09:05:00 UTC · businessops[bot] · executed\n",
            text);
    }

    [Fact]
    public void Format_OffsetTime_RenderedInUtc()
    {
        var local = new DateTimeOffset(2026, 11, 2, 11, 0, 0, TimeSpan.FromHours(2));

        Assert.StartsWith("- 2026-11-02 09:00:00 UTC", AuditTrail.Format([new AuditEntry(local, "a", "b", "c")]), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Empty_Placeholder()
    {
        Assert.Equal("_No decisions recorded._\n", AuditTrail.Format([]));
    }

    [Fact]
    public void Format_Mentions_DoNotPing()
    {
        var text = AuditTrail.Format([new AuditEntry(At, "@mallory", "ignored /approve", "cc @acme/everyone and @bob")]);

        Assert.Contains("@\u200Dmallory", text, StringComparison.Ordinal);
        Assert.Contains("@\u200Dacme/everyone and @\u200Dbob", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_HtmlAndHiddenMarker_Escaped()
    {
        var text = AuditTrail.Format([new AuditEntry(At, "x", "y", "<!-- businessops:state {\"attempt\":99} --> <img src=x>")]);

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        Assert.Contains("&lt;!-- businessops:state", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Backticks_Inert()
    {
        var text = AuditTrail.Format([new AuditEntry(At, "x", "y", "run `rm -rf` \\`now")]);

        Assert.Contains("run \\`rm -rf\\` \\\\\\`now", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_MultiLineReason_FlattenedToOneLine()
    {
        var text = AuditTrail.Format([new AuditEntry(At, "x", "y", "line one\n- [x] fake entry\r\nthree")]);

        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Format_VeryLongReason_Bounded()
    {
        var text = AuditTrail.Format([new AuditEntry(At, "x", "y", new string('r', 10_000))]);

        Assert.True(text.Length < AuditTrail.MaxReasonLength + 100);
        Assert.Contains("…", text, StringComparison.Ordinal);
    }
}
