using System.Text.Json;
using BusinessOps.Automation.Feeds;

namespace BusinessOps.Automation.Ledger;

/// <summary>
/// What the automation remembers between stateless passes, small enough for one hidden marker (on a pinned
/// "BusinessOps automation" issue the pass reads anyway, or the local store): per schedule the newest slot considered,
/// per feed its validators and seen entries, and trigger keys fired recently. Losing it costs at most one repeated
/// slot whose issue was already closed; open issues' markers cover the rest.
/// </summary>
public sealed record AutomationLedger
{
    /// <summary>Ledger JSON larger than this is refused when read (a hand-edited or hostile marker).</summary>
    public const int MaxJsonChars = 512 * 1024;

    private const string Prefix = "<!-- businessops:automation-ledger ";
    private const string Suffix = " -->";

    public Dictionary<string, DateTimeOffset> ScheduleCursors { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, FeedState> Feeds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Trigger key → when it fired.</summary>
    public Dictionary<string, DateTimeOffset> Triggers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Results posted up to this instant have been shown to the threshold rules; null: none yet (a new ledger).</summary>
    public DateTimeOffset? ResultsSeen { get; init; }

    /// <summary>
    /// <c>agent/client</c> (<c>-</c> for no client) → the watched fields of that agent's last result for that client: the
    /// "previous" value of change rules (<c>health_score falls by 10</c>). Only fields some rule watches are kept.
    /// </summary>
    public Dictionary<string, Dictionary<string, double>> Observed { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The ledger without trigger keys older than <paramref name="keep"/> (their windows are over).</summary>
    public AutomationLedger Pruned(DateTimeOffset now, TimeSpan keep) => this with
    {
        Triggers = Triggers.Where(t => now - t.Value <= keep).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
    };

    public string ToMarker()
    {
        var json = JsonSerializer.Serialize(this, AutomationJson.Options);
        return Prefix + json.Replace("@", "\\u0040", StringComparison.Ordinal).Replace("$", "\\u0024", StringComparison.Ordinal) + Suffix;
    }

    /// <summary>The ledger in <paramref name="body"/>, or an empty one when there is none or it cannot be read.</summary>
    public static AutomationLedger FromMarker(string? body)
    {
        var start = body?.IndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        if (body is null || start < 0)
        {
            return new AutomationLedger();
        }

        start += Prefix.Length;
        var end = body.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0 || end - start > MaxJsonChars)
        {
            return new AutomationLedger();
        }

        try
        {
            return JsonSerializer.Deserialize<AutomationLedger>(body.AsSpan(start, end - start), AutomationJson.Options) ?? new AutomationLedger();
        }
        catch (JsonException)
        {
            return new AutomationLedger();
        }
    }
}
