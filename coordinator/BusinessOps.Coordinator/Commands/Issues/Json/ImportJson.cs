using BusinessOps.Coordinator.Commands.Issues.Import;

namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>What <c>import --json</c> prints: counts, the numbers filed by input line, and every line not filed with its reason.</summary>
public sealed record ImportJson(
    string Store,
    bool DryRun,
    int Filed,
    int Skipped,
    int Failed,
    bool Deferred,
    IReadOnlyList<ImportLineJson> Issues,
    IReadOnlyList<ImportLineJson> SkippedLines,
    IReadOnlyList<ImportErrorJson> Errors)
{
    internal static ImportJson From(ImportResult result, string store, bool dryRun) => new(
        store,
        dryRun,
        dryRun ? result.WouldFile : result.Filed.Count,
        result.Skipped.Count,
        result.Errors.Count,
        result.Deferred,
        [.. result.Filed.Select(f => new ImportLineJson(f.Line, f.Number))],
        [.. result.Skipped.Select(s => new ImportLineJson(s.Line, s.Number))],
        [.. result.Errors.OrderBy(e => e.Line).Select(e => new ImportErrorJson(e.Line, e.Message))]);
}
