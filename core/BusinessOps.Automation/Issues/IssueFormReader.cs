using System.Text.Json;
using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Issues;

/// <summary>
/// Reads back the JSON field that <see cref="IssueFormWriter"/> wrote (<c>### Inputs</c>, a blank line, a <c>```json</c>
/// fence). The text is untrusted (a person may file a workflow's parent by hand): bounded, parsed, never evaluated.
/// </summary>
public static class IssueFormReader
{
    /// <summary>Longest JSON field read.</summary>
    public const int MaxJsonChars = 64 * 1024;

    /// <summary>The object under <c>### <paramref name="field"/></c>: null when the field is absent, an error when it is not a JSON object.</summary>
    public static JsonObject? JsonField(string body, string field, out string? problem)
    {
        problem = null;
        var heading = "### " + field;
        var at = body.IndexOf(heading + "\n", StringComparison.OrdinalIgnoreCase);
        if (at < 0 || (at > 0 && body[at - 1] != '\n'))
        {
            return null;
        }

        var open = body.IndexOf("```", at + heading.Length, StringComparison.Ordinal);
        var next = body.IndexOf("\n### ", at + heading.Length, StringComparison.Ordinal);
        if (open < 0 || (next >= 0 && open > next))
        {
            problem = $"the field '{field}' must hold a JSON object in a ```json fence";
            return null;
        }

        var start = body.IndexOf('\n', open);
        var close = start < 0 ? -1 : body.IndexOf("\n```", start, StringComparison.Ordinal);
        if (close < 0 || close - start > MaxJsonChars)
        {
            problem = close < 0 ? $"the ```json fence of '{field}' is not closed" : $"the field '{field}' is longer than {MaxJsonChars} characters";
            return null;
        }

        try
        {
            if (JsonNode.Parse(body.AsSpan(start, close - start).ToString()) is JsonObject o)
            {
                return o;
            }
        }
        catch (JsonException ex)
        {
            problem = $"the field '{field}' is not valid JSON ({ex.Message})";
            return null;
        }

        problem = $"the field '{field}' must be a JSON object (\"{{ \"topic\": \"…\" }}\")";
        return null;
    }
}
