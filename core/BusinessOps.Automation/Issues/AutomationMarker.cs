using System.Text.Json;
using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Issues;

/// <summary>
/// The hidden marker of an automatically opened issue, <c>&lt;!-- businessops:automation {"kind":…,"key":…} --&gt;</c>,
/// in the same shape as the status-comment markers of <c>BusinessOps.Core.State.Markers</c>. The JSON escapes
/// <c>&lt;</c>, <c>&gt;</c>, <c>@</c> and <c>$</c>, so a key can never close the comment, mention anyone or carry an
/// Actions expression.
/// </summary>
public static class AutomationMarker
{
    private const string Prefix = "<!-- businessops:automation ";
    private const string Suffix = " -->";

    /// <summary>Longest marker JSON read back; keys are short, so anything longer is not ours.</summary>
    private const int MaxJsonChars = 2048;

    public static string Format(AutomationKey key)
    {
        var json = new JsonObject { ["kind"] = key.Kind, ["key"] = key.Value }.ToJsonString(AutomationJson.Options);
        return Prefix + json.Replace("@", "\\u0040", StringComparison.Ordinal).Replace("$", "\\u0024", StringComparison.Ordinal) + Suffix;
    }

    /// <summary>The key in <paramref name="body"/>'s first automation marker; false when there is none or it is malformed.</summary>
    public static bool TryParse(string? body, out AutomationKey key)
    {
        key = new AutomationKey(string.Empty, string.Empty);
        if (string.IsNullOrEmpty(body))
        {
            return false;
        }

        var start = body.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        start += Prefix.Length;
        var end = body.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0 || end - start > MaxJsonChars)
        {
            return false;
        }

        try
        {
            if (JsonNode.Parse(body.AsSpan(start, end - start).ToString()) is JsonObject o
                && o["kind"] is JsonValue kind && kind.TryGetValue<string>(out var k) && k.Length > 0
                && o["key"] is JsonValue value && value.TryGetValue<string>(out var v) && v.Length > 0)
            {
                key = new AutomationKey(k, v);
                return true;
            }
        }
        catch (JsonException)
        {
            // A marker someone edited by hand: treated as absent, like the status markers.
        }

        return false;
    }
}
