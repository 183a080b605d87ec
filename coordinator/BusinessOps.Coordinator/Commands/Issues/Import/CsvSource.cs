using System.Runtime.CompilerServices;
using System.Text.Unicode;
using CsvHelper;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) with a header naming the columns: <c>title</c>
/// (required), <c>body</c>, <c>labels</c> (comma-separated inside one field), <c>author</c>, <c>id</c>. A record with bad
/// quoting or a different number of fields than the header is reported and skipped; the rest are read on.
/// </summary>
internal static class CsvSource
{
    public static async IAsyncEnumerable<ImportItem> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var skipped = new Queue<ImportItem>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MaxRecordSize = ImportLimits.MaxRecordBytes,
            OnMalformedRecord = bad => skipped.Enqueue(ImportItem.Fail(bad.LineNumber, Describe(bad.Reason), bad.ByteOffset)),
        };
        await using var reader = CsvReader.Create(input, options, leaveOpen: true);
        var header = await Step(() => reader.ReadHeaderAsync(cancellationToken).AsTask());
        if (header is { } failed)
        {
            yield return failed;
            yield break;
        }

        if (Columns.From(reader.Headers) is not { } columns)
        {
            yield return ImportItem.Fail(1, HeaderProblem(reader.Headers), 0);
            yield break;
        }

        while (true)
        {
            var more = false;
            var failure = await Step(async () => more = await reader.ReadAsync(cancellationToken));
            while (skipped.TryDequeue(out var bad))
            {
                yield return bad;
            }

            if (failure is { } stop)
            {
                yield return stop;
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            yield return Row(reader, columns);
        }
    }

    private static ImportItem Row(CsvReader reader, Columns columns)
    {
        var line = reader.LineNumber;
        var read = reader.ByteOffset;
        string? Field(int index, string name, out string? problem)
        {
            problem = null;
            if (index < 0)
            {
                return null;
            }

            if (!Utf8.IsValid(reader.GetSpan(index)))
            {
                problem = $"the {name} is not valid UTF-8: save the file as UTF-8";
                return null;
            }

            return reader.GetString(index);
        }

        var title = Field(columns.Title, RowFields.Title, out var p1);
        var body = Field(columns.Body, RowFields.Body, out var p2);
        var labels = Field(columns.Labels, RowFields.Labels, out var p3);
        var author = Field(columns.Author, RowFields.Author, out var p4);
        var idText = Field(columns.Id, RowFields.Id, out var p5);
        if ((p1 ?? p2 ?? p3 ?? p4 ?? p5) is { } problem)
        {
            return ImportItem.Fail(line, problem, read);
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return ImportItem.Fail(line, "the title is empty: every issue needs a one-line summary", read);
        }

        var (id, idProblem) = RowFields.IdOf(idText);
        return idProblem is not null
            ? ImportItem.Fail(line, idProblem, read)
            : ImportItem.Of(new ImportRow(line, title, body ?? string.Empty, RowFields.SplitLabels(labels), RowFields.AuthorOf(author), id), read);
    }

    /// <summary>Runs one read; a record too long to be an issue ends the file (the reader cannot resynchronise after it).</summary>
    private static async Task<ImportItem?> Step(Func<Task> read)
    {
        try
        {
            await read();
            return null;
        }
        catch (CsvFormatException ex)
        {
            return ImportItem.Fail(ex.LineNumber, $"the CSV cannot be read past here ({HumanText.Line(ex.Message, 200)}); nothing after this line was filed", ex.ByteOffset);
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "the record has a different number of fields than the header: quote fields that contain commas (\"a, b\")",
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field: quote the whole field and double the inner quotes (\"say \"\"hi\"\"\")",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote: double the quotes inside a quoted field (\"say \"\"hi\"\"\")",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed: add the closing quote",
        _ => $"malformed CSV ({reason})",
    };

    private static string HeaderProblem(IReadOnlyList<string> headers)
    {
        var found = headers.Count == 0 ? "none" : string.Join(", ", headers.Select(h => HumanText.Line(h, 40)));
        var unknown = headers.Where(h => !RowFields.IsKnown(h.Trim().ToLowerInvariant())).ToList();
        return unknown.Count > 0
            ? $"the header has unknown column(s) {string.Join(", ", unknown.Select(u => "'" + HumanText.Line(u, 40) + "'"))}: the columns are {RowFields.Known} (title required)"
            : $"the header has no 'title' column (columns found: {found}): the first line must name the columns, e.g. title,body,labels,author,id";
    }

    /// <summary>Where each known column is (-1: absent); null when the header lacks a title or names an unknown column.</summary>
    private sealed record Columns(int Title, int Body, int Labels, int Author, int Id)
    {
        public static Columns? From(IReadOnlyList<string> headers)
        {
            var names = headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (names.Any(n => !RowFields.IsKnown(n)) || names.Distinct(StringComparer.Ordinal).Count() != names.Count || !names.Contains(RowFields.Title))
            {
                return null;
            }

            return new Columns(names.IndexOf(RowFields.Title), names.IndexOf(RowFields.Body), names.IndexOf(RowFields.Labels), names.IndexOf(RowFields.Author), names.IndexOf(RowFields.Id));
        }
    }
}
