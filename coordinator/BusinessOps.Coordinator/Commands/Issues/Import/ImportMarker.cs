using System.Text.Json;
using System.Text.RegularExpressions;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// The hidden line an import adds to a body to remember what it filed: the row's <c>id</c>, and (on GitHub, where every
/// issue is filed as the token's login) the row's author. <c>--skip-existing</c> reads it back. JSON escapes '&lt;' and
/// '&gt;', so the marker's text can never close the HTML comment early.
/// </summary>
internal static partial class ImportMarker
{
    public static string Render(string? id, string? author)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (id is not null)
            {
                json.WriteString("id", id);
            }

            if (author is not null)
            {
                json.WriteString("author", author);
            }

            json.WriteEndObject();
        }

        return SqliteIssueStore.ImportMarkerPrefix + System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + " -->";
    }

    /// <summary>The body with the marker appended on its own line (an empty body is just the marker).</summary>
    public static string Append(string body, string marker) => body.Length == 0 ? marker : body.TrimEnd() + "\n\n" + marker;

    /// <summary>The id and author recorded in <paramref name="body"/>, if it carries a readable marker.</summary>
    public static (string? Id, string? Author) Read(string? body)
    {
        if (body is null || Pattern().Match(body) is not { Success: true } match)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(match.Groups[1].Value);
            var root = document.RootElement;
            return (Text(root, "id"), Text(root, "author"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"<!-- businessops:import (\{.*?\}) -->", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
