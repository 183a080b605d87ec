using System.Text.Json;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// The kind of the automation marker an automatically opened issue carries in its body
/// (<c>&lt;!-- businessops:automation {"kind":"slot","key":…} --&gt;</c>, written by <c>BusinessOps.Automation</c>), so the
/// KPIs can count scheduled work without the core depending on the automation engine. Only the kind is read.
/// </summary>
public static class AutomationOrigin
{
    /// <summary>An issue a schedule opened for one slot.</summary>
    public const string Slot = "slot";

    /// <summary>A workflow's parent issue.</summary>
    public const string Workflow = "workflow";

    private const string Prefix = "<!-- businessops:automation ";
    private const string Suffix = " -->";
    private const int MaxJson = 2048;

    /// <summary>The marker's kind (bounded to 32 characters), or null when there is no readable marker.</summary>
    public static string? Read(string? body)
    {
        var start = body?.IndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Prefix.Length;
        var end = body!.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0 || end - start > MaxJson)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body.AsMemory(start, end - start));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("kind", out var kind)
                && kind.ValueKind == JsonValueKind.String
                && kind.GetString() is { Length: > 0 and <= 32 } k
                ? k
                : null;
        }
        catch (JsonException)
        {
            // Edited by hand: not ours to trust, counted as a person's issue.
            return null;
        }
    }
}
