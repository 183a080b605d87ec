using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// JSON lines: one object per line with <c>title</c> (required), <c>body</c>, <c>labels</c> (an array of names, or one
/// comma-separated string), <c>author</c> and <c>id</c>. Read as bytes, line by line, so each line's UTF-8 is checked
/// exactly and a line too long to be an issue is skipped without being held in memory. Blank lines are ignored.
/// </summary>
internal static class JsonLinesSource
{
    public static async IAsyncEnumerable<ImportItem> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in ByteLines.ReadAsync(input, ImportLimits.MaxRecordBytes, cancellationToken))
        {
            if (line.TooLong)
            {
                yield return ImportItem.Fail(line.Number, $"the line is longer than {ImportLimits.MaxRecordBytes / 1024} KiB, more than any valid issue: split or shorten it", line.BytesRead);
                continue;
            }

            var bytes = line.Bytes.Span;
            if (IsBlank(bytes))
            {
                continue;
            }

            yield return Utf8.IsValid(bytes)
                ? Parse(line.Number, bytes, line.BytesRead)
                : ImportItem.Fail(line.Number, "the line is not valid UTF-8: save the file as UTF-8", line.BytesRead);
        }
    }

    private static ImportItem Parse(long number, ReadOnlySpan<byte> bytes, long read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return ImportItem.Fail(number, $"the line is not a JSON object ({Reason(ex)})", read);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromObject(number, document.RootElement, read)
                : ImportItem.Fail(number, $"the line is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object like {{\"title\": \"…\"}}", read);
        }
    }

    private static ImportItem FromObject(long number, JsonElement row, long read)
    {
        string? title = null, body = null, author = null, idText = null;
        List<string> labels = [];
        foreach (var field in row.EnumerateObject())
        {
            var problem = field.Name switch
            {
                RowFields.Title => Text(field, out title),
                RowFields.Body => Text(field, out body),
                RowFields.Author => Text(field, out author),
                RowFields.Id => Id(field, out idText),
                RowFields.Labels => Labels(field, labels),
                _ => $"unknown field '{HumanText.Line(field.Name, 40)}': the fields are {RowFields.Known}",
            };
            if (problem is not null)
            {
                return ImportItem.Fail(number, problem, read);
            }
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return ImportItem.Fail(number, "no title: every issue needs \"title\": \"a one-line summary\"", read);
        }

        var (id, idProblem) = RowFields.IdOf(idText);
        return idProblem is not null
            ? ImportItem.Fail(number, idProblem, read)
            : ImportItem.Of(new ImportRow(number, title, body ?? string.Empty, labels, RowFields.AuthorOf(author), id), read);
    }

    private static string? Text(JsonProperty field, out string? value)
    {
        value = field.Value.ValueKind switch
        {
            JsonValueKind.String => field.Value.GetString(),
            _ => null,
        };
        return field.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null ? null : $"\"{field.Name}\" must be a string";
    }

    private static string? Id(JsonProperty field, out string? value)
    {
        // Numbers are common ids in exports; they are kept exactly as written.
        value = field.Value.ValueKind switch
        {
            JsonValueKind.String => field.Value.GetString(),
            JsonValueKind.Number => field.Value.GetRawText(),
            _ => null,
        };
        return field.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null ? null : "\"id\" must be a string or a number";
    }

    private static string? Labels(JsonProperty field, List<string> labels)
    {
        switch (field.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                labels.AddRange(RowFields.SplitLabels(field.Value.GetString()));
                return null;
            case JsonValueKind.Array:
                foreach (var label in field.Value.EnumerateArray())
                {
                    if (label.ValueKind != JsonValueKind.String)
                    {
                        return "\"labels\" must be an array of strings, or one comma-separated string";
                    }

                    // Each element is one name: a comma inside it is reported by the label rules, not split silently.
                    labels.Add(label.GetString()!);
                }

                return null;
            default:
                return "\"labels\" must be an array of strings, or one comma-separated string";
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Reason(JsonException ex) =>
        ex.BytePositionInLine is { } at ? $"invalid JSON at byte {at + 1}" : "invalid JSON";
}
