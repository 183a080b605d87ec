using System.Globalization;
using System.Text;
using BusinessOps.Agents.Sdk.Forms;
using CsvHelper;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// The analytics form's <c>Metrics</c>: a CSV with a <c>date</c> column (<c>yyyy-MM-dd</c>, one row per day, any order)
/// and one numeric column per metric (<c>revenue,signups,…</c>); an empty cell is a missing value. Bounded in rows and
/// columns; every error names the line.
/// </summary>
internal static class MetricsCsv
{
    public const string Field = "Metrics";
    public const int MaxRows = 1_100;
    public const int MaxColumns = 50;
    private const string Expectation = "a CSV with a `date` column (yyyy-MM-dd) and one numeric column per metric, one row per day";

    public static async Task<MetricTable> ReadAsync(string csv, CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrackLineNumbers = true };
        await using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options, leaveOpen: false);
        var rows = new SortedDictionary<DateOnly, double?[]>();
        List<string> names;
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var dateAt = header.IndexOf("date");
            if (dateAt < 0 || header.Count < 2 || header.Count > MaxColumns + 1)
            {
                throw IssueForm.Invalid(Field, Expectation + string.Create(CultureInfo.InvariantCulture, $" (at most {MaxColumns} metrics)"), FormValues.Preview(csv));
            }

            if (header.Any(h => h.Length == 0) || header.Distinct(StringComparer.Ordinal).Count() != header.Count)
            {
                throw IssueForm.Invalid(Field, Expectation + " with distinct, non-empty column names", string.Join(",", header));
            }

            names = [.. header.Where((_, i) => i != dateAt)];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var line = reader.LineNumber;
                if (rows.Count >= MaxRows)
                {
                    throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"at most {MaxRows} days of rows"), "more");
                }

                var rawDate = dateAt < reader.FieldCount ? reader.GetString(dateAt).Trim() : string.Empty;
                if (!DateOnly.TryParseExact(rawDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"a date like 2026-11-28 in the `date` column (line {line})"), rawDate);
                }

                if (rows.ContainsKey(day))
                {
                    throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"one row per day (line {line} repeats {day:yyyy-MM-dd})"), rawDate);
                }

                var values = new double?[names.Count];
                for (int c = 0, m = 0; c < header.Count; c++)
                {
                    if (c == dateAt)
                    {
                        continue;
                    }

                    var raw = c < reader.FieldCount ? reader.GetString(c).Trim() : string.Empty;
                    if (raw.Length > 0 && !(double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)))
                    {
                        throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"a number in `{names[m]}` (line {line}); leave the cell empty when there is no value"), raw);
                    }

                    values[m++] = raw.Length == 0 ? null : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                }

                rows[day] = values;
            }
        }
        catch (CsvFormatException ex)
        {
            throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"{Expectation} (line {ex.LineNumber}: {ex.Message.Split('\n')[0]})"), FormValues.Preview(csv));
        }

        if (rows.Count == 0)
        {
            throw IssueForm.Invalid(Field, Expectation + ", with at least one row", FormValues.Preview(csv));
        }

        var days = rows.Keys.ToList();
        var metrics = names.Select((n, m) => (n, rows.Values.Select(r => r[m]).ToArray())).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);
        return new MetricTable(days, metrics);
    }
}
