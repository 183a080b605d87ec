using System.Globalization;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>Prints an import's outcome: every line not filed on stderr, the summary (or JSON) on stdout; picks the exit code.</summary>
internal static class ImportReport
{
    public static int Write(IssueCommandContext context, ImportResult result, string location, bool dryRun, bool json)
    {
        if (json)
        {
            context.WriteJson(ImportJson.From(result, location, dryRun), IssuesJsonContext.Pretty.ImportJson);
        }
        else
        {
            WriteErrors(context.Error, result.Errors);
            context.Output.WriteLine(Summary(result, location, dryRun));
        }

        return result.Deferred ? ExitCodes.Deferred : result.Errors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    private static void WriteErrors(TextWriter error, List<ImportLineError> errors)
    {
        foreach (var e in errors.OrderBy(e => e.Line).Take(ImportLimits.MaxErrorsShown))
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {e.Line}: {HumanText.Line(e.Message, 300)}"));
        }

        if (errors.Count > ImportLimits.MaxErrorsShown)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {errors.Count - ImportLimits.MaxErrorsShown} more lines not filed (--json lists every one)"));
        }
    }

    private static string Summary(ImportResult result, string location, bool dryRun)
    {
        var parts = new List<string>();
        if (dryRun)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Dry run: {result.WouldFile} issues would be filed in {location}; nothing was written"));
        }
        else
        {
            var range = result.Filed.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (#{result.Filed.Min(f => f.Number)}–#{result.Filed.Max(f => f.Number)})");
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Filed {result.Filed.Count} {(result.Filed.Count == 1 ? "issue" : "issues")}{range} in {location}"));
        }

        if (result.Skipped.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"skipped {result.Skipped.Count} already filed"));
        }

        if (result.Errors.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{result.Errors.Count} {(result.Errors.Count == 1 ? "line" : "lines")} not filed (listed above): fix them and run the same import with --skip-existing, which files only what is missing"));
        }

        if (result.Deferred)
        {
            var when = result.DeferredUntil is { } at ? " after " + HumanText.Time(at) : " later";
            parts.Add($"GitHub's rate limit stopped the import: run it again{when} with --skip-existing to continue where it stopped");
        }

        return string.Join("; ", parts) + ".";
    }
}
