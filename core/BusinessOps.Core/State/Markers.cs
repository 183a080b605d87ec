using System.Text.Json;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.State;

/// <summary>
/// Hidden machine-readable markers inside comments: <c>&lt;!-- businessops:{kind} {json} --&gt;</c>.
/// The JSON is written with HTML-sensitive characters escaped, so it can never terminate the comment. A marker is always
/// the last thing in the comment we write, so it is read from the end: text quoted above it (a label, a summary that
/// repeats an issue body) cannot pose as the marker.
/// </summary>
public static class Markers
{
    public const string StateKind = "state";
    public const string ResultKind = "result";
    private const string Prefix = "<!-- businessops:";
    private const string Suffix = " -->";

    // Version 1 always wrote "v" first (the record's first property, never omitted).
    private const string V1Prefix = "{\"v\":1,";

    public static string Format(OpsState state) => Prefix + StateKind + " " + Inert(JsonSerializer.Serialize(state, CoreJson.Compact.OpsState)) + Suffix;

    public static string Format(ResultRecord result) => Prefix + ResultKind + " " + Inert(JsonSerializer.Serialize(result, CoreJson.Compact.ResultRecord)) + Suffix;

    /// <summary>
    /// '@' and '$' only occur inside JSON strings, where \u0040 and \u0024 mean the same: hidden text never mentions
    /// anyone and never carries an Actions expression (<c>${{ }}</c>).
    /// </summary>
    private static string Inert(string json) => json.Replace("@", "\\u0040", StringComparison.Ordinal).Replace("$", "\\u0024", StringComparison.Ordinal);

    /// <summary>True when <paramref name="body"/> carries a marker of <paramref name="kind"/> (valid or not).</summary>
    public static bool Has(string body, string kind) => body.Contains(Prefix + kind + " ", StringComparison.Ordinal);

    /// <summary>
    /// The state in <paramref name="body"/>'s marker, upgraded to the current schema when it was written by version 1
    /// (<paramref name="dispatch"/> resolves version 1's <c>aws</c> executor to Lambda or Batch).
    /// </summary>
    public static bool TryParseState(string body, DispatchPolicy dispatch, out OpsState state)
    {
        state = new OpsState();
        if (!TryExtract(body, StateKind, out var json))
        {
            return false;
        }

        try
        {
            var text = body.AsSpan(json.Start, json.Length);
            if (text.StartsWith(V1Prefix, StringComparison.Ordinal))
            {
                state = JsonSerializer.Deserialize(text, CoreJson.Compact.OpsStateV1)?.Upgrade(dispatch) ?? new OpsState();
                return true;
            }

            state = JsonSerializer.Deserialize(text, CoreJson.Compact.OpsState) ?? new OpsState();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryParseResult(string body, out ResultRecord? result)
    {
        result = null;
        if (!TryExtract(body, ResultKind, out var json))
        {
            return false;
        }

        try
        {
            result = JsonSerializer.Deserialize(body.AsSpan(json.Start, json.Length), CoreJson.Compact.ResultRecord);
            return result is not null && !string.IsNullOrEmpty(result.Key);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryExtract(string body, string kind, out (int Start, int Length) json)
    {
        json = default;
        var start = body.LastIndexOf(Prefix + kind + " ", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        start += Prefix.Length + kind.Length + 1;
        var end = body.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        json = (start, end - start);
        return true;
    }
}
