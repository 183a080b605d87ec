using System.Globalization;
using BusinessOps.Agents.Sdk.Forms;
using CsvHelper;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// Reads the resource-usage CSV of the form's <c>Resource usage (CSV)</c> field: a header row with <c>instance</c>,
/// <c>type</c>, <c>cpu_p95</c>, <c>memory_p95</c> (percent 0–100, a <c>%</c> allowed) and <c>monthly_cost</c> or
/// <c>hourly_cost</c> (USD; hourly × 730), then one row per instance (at most 500). Any bad row is a clear form error
/// naming the line and the column, never a crash.
/// </summary>
internal static class ResourceUsageCsv
{
    public const string Field = "Resource usage (CSV)";
    public const int MaxRows = 500;
    private const decimal HoursPerMonth = 730m;
    private const string Expectation = "CSV with a header row `instance,type,cpu_p95,memory_p95,monthly_cost` (cpu and memory in percent 0–100; `hourly_cost` instead of `monthly_cost` allowed), at most 500 rows";

    public static IReadOnlyList<InstanceUsage> Parse(string text)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using var reader = CsvReader.FromText(text, options);
            reader.ReadHeader();
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var hourly = !header.Contains("monthly_cost") && header.Contains("hourly_cost");
            var needed = new[] { "instance", "type", "cpu_p95", "memory_p95", hourly ? "hourly_cost" : "monthly_cost" };
            var missing = needed.Where(n => !header.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                throw IssueForm.Invalid(Field, Expectation + "; missing column(s) " + string.Join(", ", missing), string.Join(",", reader.Headers));
            }

            var at = needed.Select(n => header.IndexOf(n)).ToArray();
            var rows = new List<InstanceUsage>();
            while (reader.Read())
            {
                var line = reader.LineNumber;
                if (rows.Count == MaxRows)
                {
                    throw IssueForm.Invalid(Field, Expectation, $"more than {MaxRows} rows");
                }

                var instance = Text(reader.GetString(at[0]), "instance", line);
                var type = Text(reader.GetString(at[1]), "type", line);
                var cpu = Percent(reader.GetString(at[2]), "cpu_p95", line);
                var memory = Percent(reader.GetString(at[3]), "memory_p95", line);
                var cost = Money(reader.GetString(at[4]), needed[4], line) * (hourly ? HoursPerMonth : 1m);
                rows.Add(new InstanceUsage(instance, type, cpu, memory, Math.Round(cost, 2)));
            }

            return rows.Count > 0 ? rows : throw IssueForm.Invalid(Field, Expectation + "; at least one row after the header", text);
        }
        catch (CsvFormatException ex)
        {
            throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"{Expectation} (line {ex.LineNumber}: {ex.Message.Split('\n')[0]})"), text);
        }
    }

    private static string Text(string raw, string column, long line)
    {
        var value = raw.Trim();
        return value.Length is > 0 and <= 100
            ? value
            : throw IssueForm.Invalid(Field, $"a `{column}` of 1 to 100 characters in every row", string.Create(CultureInfo.InvariantCulture, $"line {line}: '{value}'"));
    }

    private static double Percent(string raw, string column, long line) =>
        double.TryParse(raw.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && double.IsFinite(p) && p is >= 0 and <= 100
            ? p / 100
            : throw IssueForm.Invalid(Field, $"`{column}` as a percentage from 0 to 100", string.Create(CultureInfo.InvariantCulture, $"line {line}: '{raw.Trim()}'"));

    private static decimal Money(string raw, string column, long line) =>
        FormValues.TryDecimal(raw, out var d) && d is >= 0 and <= 10_000_000m
            ? d
            : throw IssueForm.Invalid(Field, $"`{column}` as an amount in USD from 0 to 10,000,000", string.Create(CultureInfo.InvariantCulture, $"line {line}: '{raw.Trim()}'"));
}
