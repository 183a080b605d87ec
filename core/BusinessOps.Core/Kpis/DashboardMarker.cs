using System.Text.Json;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// The hidden marker that makes an issue the operations dashboard: <c>&lt;!-- businessops:dashboard {json} --&gt;</c>,
/// the last thing in the body, on an issue opened by the store identity (which issue is the dashboard:
/// <see cref="DashboardIssue"/>). It carries the <see cref="DashboardState"/>: the open alerts and what the body last
/// showed. The dashboard is no operation: <c>Decide</c> leaves it alone and the KPIs do not count it.
/// </summary>
public static class DashboardMarker
{
    /// <summary>The <see cref="IssueFacts.Origin"/> of the dashboard issue.</summary>
    public const string Origin = "dashboard";

    private const string Prefix = DashboardIssue.MarkerPrefix;
    private const string Suffix = " -->";
    private const int MaxJson = 64 * 1024;

    /// <summary>A short hash of a body: equal bodies, equal hashes (the dashboard is rewritten only when they differ).</summary>
    public static string Hash(string body) =>
        Governance.StableHash.Hash64((body ?? string.Empty).ReplaceLineEndings("\n")).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The marker for <paramref name="state"/>; '@' and '$' written as escapes so it never mentions anyone.</summary>
    public static string Format(DashboardState state) =>
        Prefix + JsonSerializer.Serialize(state, DashboardJson.Default.DashboardState).Replace("@", "\\u0040", StringComparison.Ordinal).Replace("$", "\\u0024", StringComparison.Ordinal) + Suffix;

    /// <summary>The state in <paramref name="body"/>'s last marker; an empty state when there is none or it is unreadable.</summary>
    public static DashboardState Read(string? body)
    {
        var start = body?.LastIndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return DashboardState.Empty;
        }

        start += Prefix.Length;
        var end = body!.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0 || end - start > MaxJson)
        {
            return DashboardState.Empty;
        }

        try
        {
            return JsonSerializer.Deserialize(body.AsSpan(start, end - start), DashboardJson.Default.DashboardState) ?? DashboardState.Empty;
        }
        catch (JsonException)
        {
            // Someone edited the marker: the alerts it listed are raised again (once) and the body is repaired.
            return DashboardState.Empty;
        }
    }
}
