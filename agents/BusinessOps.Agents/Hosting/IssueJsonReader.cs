using System.Globalization;
using System.Text.Json;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Issues;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Reads an issue in GitHub's REST JSON shape (number, title, body, state, labels, user, timestamps,
/// optional comments) into an <see cref="IssueSnapshot"/>. Anything malformed is <see cref="BadInputException"/>.
/// </summary>
internal static class IssueJsonReader
{
    /// <summary>Larger issue data is refused: GitHub caps bodies at 65,536 characters, so 1 MB is generous.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Reads at most <see cref="MaxBytes"/> from the stream; more is bad input.</summary>
    public static Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken) => ReadBoundedAsync(stream, MaxBytes, "Issue data", cancellationToken);

    /// <summary>Reads at most <paramref name="maxBytes"/> from the stream; more is bad input naming <paramref name="what"/>.</summary>
    public static async Task<byte[]> ReadBoundedAsync(Stream stream, int maxBytes, string what, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new BadInputException($"{what} is larger than {maxBytes / 1024} KB; refusing to read it.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static IssueSnapshot Parse(ReadOnlySpan<byte> json, int expectedNumber, DateTimeOffset fallbackTime)
    {
        if (json.Length > MaxBytes)
        {
            throw new BadInputException($"Issue data is larger than {MaxBytes / 1024} KB; refusing to read it.");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray(), Options);
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"Issue data is not valid JSON (line {ex.LineNumber + 1}): expected a GitHub issue object.", ex);
        }

        using (doc)
        {
            return Parse(doc.RootElement, expectedNumber, fallbackTime);
        }
    }

    /// <summary>The issue in <paramref name="root"/> (already parsed, e.g. inside an input envelope or a Lambda event).</summary>
    public static IssueSnapshot Parse(JsonElement root, int expectedNumber, DateTimeOffset fallbackTime)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BadInputException("Issue data must be a JSON object in GitHub's issue shape.");
        }

        var number = expectedNumber;
        if (root.TryGetProperty("number", out var n))
        {
            if (n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out number) || number <= 0)
            {
                throw new BadInputException("Issue data field `number` must be a positive integer.");
            }

            if (number != expectedNumber)
            {
                throw new BadInputException($"Issue data is issue #{number} but --process-issue says #{expectedNumber}.");
            }
        }

        var created = Time(root, "created_at") ?? fallbackTime;
        var updated = Time(root, "updated_at") ?? created;
        var state = string.Equals(Text(root, "state"), "closed", StringComparison.OrdinalIgnoreCase) ? IssueState.Closed : IssueState.Open;
        return new IssueSnapshot(
            number,
            Text(root, "title") ?? string.Empty,
            Text(root, "body") ?? string.Empty,
            state,
            Labels(root),
            Login(root, "user") ?? "unknown",
            created,
            updated,
            Comments(root, created));
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null => null,
            _ => throw new BadInputException($"Issue data field `{name}` must be a string."),
        } : null;

    private static DateTimeOffset? Time(JsonElement obj, string name)
    {
        var s = Text(obj, name);
        if (s is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : throw new BadInputException($"Issue data field `{name}` must be an ISO-8601 timestamp.");
    }

    private static string? Login(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var u) && u.ValueKind == JsonValueKind.Object ? Text(u, "login") : null;

    private static List<string> Labels(JsonElement root)
    {
        var labels = new List<string>();
        if (!root.TryGetProperty("labels", out var arr) || arr.ValueKind == JsonValueKind.Null)
        {
            return labels;
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            throw new BadInputException("Issue data field `labels` must be an array of label objects or strings.");
        }

        foreach (var l in arr.EnumerateArray())
        {
            var name = l.ValueKind switch
            {
                JsonValueKind.String => l.GetString(),
                JsonValueKind.Object => Text(l, "name"),
                _ => throw new BadInputException("Issue data field `labels` must contain label objects ({\"name\":…}) or strings."),
            };
            if (!string.IsNullOrWhiteSpace(name) && !labels.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                labels.Add(name.Trim());
            }
        }

        return labels;
    }

    private static List<IssueComment> Comments(JsonElement root, DateTimeOffset fallback)
    {
        var comments = new List<IssueComment>();
        if (!root.TryGetProperty("comments", out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            // GitHub's issue object has "comments": <count>; only an array carries comment bodies.
            return comments;
        }

        foreach (var c in arr.EnumerateArray())
        {
            if (c.ValueKind != JsonValueKind.Object)
            {
                throw new BadInputException("Issue data field `comments` must contain comment objects.");
            }

            var id = c.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.Number && idEl.TryGetInt64(out var i) ? i : comments.Count + 1;
            var created = Time(c, "created_at") ?? fallback;
            var isBot = c.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object
                && string.Equals(Text(u, "type"), "Bot", StringComparison.OrdinalIgnoreCase);
            comments.Add(new IssueComment(id, Login(c, "user") ?? "unknown", Text(c, "body") ?? string.Empty, created, Time(c, "updated_at") ?? created, isBot));
        }

        return comments;
    }
}
