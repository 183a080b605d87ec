using System.Globalization;
using System.Text;
using BusinessOps.Agents.Sdk.Forms;
using CsvHelper;

namespace BusinessOps.Agents.Quality;

/// <summary>
/// The performance gate's input: a CSV of benchmarks with their baseline and current time (<c>name,baseline,current</c>,
/// any one unit). The score is the share of benchmarks not slower than their baseline by more than the allowed regression.
/// </summary>
internal static class BenchmarkComparison
{
    public const string Field = "Benchmarks";
    private const int MaxRows = 10_000;

    public static async Task<(double Score, IReadOnlyList<string> Regressed, int Count)> CompareAsync(string csv, double maxRegression, CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrackLineNumbers = true };
        await using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options, leaveOpen: false);
        var regressed = new List<string>();
        var count = 0;
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            int At(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw IssueForm.Invalid(Field, "a CSV with the header name,baseline,current", csv);
            var (nameAt, baselineAt, currentAt) = (At("name"), At("baseline"), At("current"));
            while (count < MaxRows && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(nameAt).Trim();
                if (!double.TryParse(reader.GetString(baselineAt), NumberStyles.Float, CultureInfo.InvariantCulture, out var baseline) || baseline <= 0
                    || !double.TryParse(reader.GetString(currentAt), NumberStyles.Float, CultureInfo.InvariantCulture, out var current) || current < 0)
                {
                    throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"positive numbers for baseline and current (line {reader.LineNumber})"), name);
                }

                count++;
                if (current > baseline * (1 + maxRegression))
                {
                    regressed.Add(string.Create(CultureInfo.InvariantCulture, $"{name} ({(current / baseline) - 1:+0.0%})"));
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw IssueForm.Invalid(Field, string.Create(CultureInfo.InvariantCulture, $"a CSV with the header name,baseline,current (line {ex.LineNumber}: {ex.Message.Split('\n')[0]})"), csv);
        }

        if (count == 0)
        {
            throw IssueForm.Invalid(Field, "at least one benchmark row under the header name,baseline,current", csv);
        }

        return ((double)(count - regressed.Count) / count, regressed, count);
    }
}
