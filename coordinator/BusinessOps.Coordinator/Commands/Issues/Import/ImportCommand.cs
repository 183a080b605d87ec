using System.CommandLine;
using System.Globalization;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core.Time;
using BusinessOps.GitHub;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// <c>coordinator issues import FILE</c>: files many issues from JSON lines or CSV. Locally, a thousand issues per SQLite
/// transaction; on GitHub (<c>--store github</c>), one paced write per issue, with the time that takes said before the
/// first. Every line that cannot be filed is reported with its number and reason; the others are filed.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(IssueCommandSettings settings)
    {
        var file = new Argument<string>("file") { Description = "A .jsonl or .csv file with title (required), body, labels, author and id per issue; '-' reads stdin." };
        var format = new Option<string?>("--format") { Description = "jsonl or csv (default: from the file's extension; stdin: a line starting with '{' is JSON).", HelpName = ImportFormats.Choices };
        var skipExisting = new Option<bool>("--skip-existing") { Description = "Do not file a row again: match existing issues by the id column, else by title and author (re-run after fixing bad lines)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every line and count what would be filed (on GitHub: and how long it would take); write nothing." };
        var asLogin = IssueOptions.As();
        var json = IssueOptions.Json();
        var command = new Command("import", "File many issues from a JSON-lines or CSV file (10,000 in seconds locally), reporting every line that cannot be filed.")
        {
            file, format, skipExisting, dryRun, asLogin, json,
        };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var options = new Options(parse.GetValue(file)!, ImportFormats.Parse(parse.GetValue(format)), parse.GetValue(skipExisting), parse.GetValue(dryRun), parse.GetValue(json));
            using var input = ImportInput.Open(options.File);
            return string.Equals(parse.GetValue(settings.StoreOption), StoreSelector.GitHub, StringComparison.OrdinalIgnoreCase)
                ? await ToGitHubAsync(context, settings, input, options, cancellationToken)
                : await ToLocalAsync(context, settings, input, options, parse.GetValue(asLogin), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ToLocalAsync(IssueCommandContext context, IssueCommandSettings settings, ImportInput input, Options options, string? asLogin, CancellationToken cancellationToken)
    {
        using var target = new SqliteImportTarget(context.OpenStoreAs(asLogin, create: true));
        var result = await RunAsync(context, settings, target, input, options, options.DryRun, existing: null, cancellationToken);
        return ImportReport.Write(context, result, target.Location, options.DryRun, options.Json);
    }

    private static async Task<int> ToGitHubAsync(IssueCommandContext context, IssueCommandSettings settings, ImportInput piped, Options options, CancellationToken cancellationToken)
    {
        if (!GitHubOptions.TryFromEnvironment(settings.Environment, out var github, out var problem))
        {
            throw new IssueCommandException(problem ?? "GitHub is not configured: set GITHUB_TOKEN and GITHUB_REPOSITORY.");
        }

        using var input = await piped.ReplayableAsync(settings.Stdin(), cancellationToken);

        // First pass: what would be filed, so the time GitHub's pacing needs is known before the first write.
        ExistingIssues? existing;
        ImportResult counted;
        using (var probe = new GitHubImportTarget(new GitHubIssueStore(github!, settings.Clock)))
        {
            existing = options.SkipExisting ? await probe.LoadExistingAsync(cancellationToken) : null;
            counted = await RunAsync(context, settings, probe, input, options, dryRun: true, existing?.Copy(), cancellationToken);
        }

        var estimate = GitHubImportEstimate.For(counted.WouldFile, github!.WriteSpacing, github.MaxWritesPerHour);
        context.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"import: {counted.WouldFile} issues to file in {github.Owner}/{github.Repository}; GitHub's pacing ({Durations.Words(github.WriteSpacing)} between writes, at most {github.MaxWritesPerHour} per hour) makes that about {Durations.Words(estimate)}. Ctrl-C stops cleanly; run again with --skip-existing to continue."));
        if (options.DryRun || counted.WouldFile == 0)
        {
            return ImportReport.Write(context, counted, $"{github.Owner}/{github.Repository}", dryRun: true, options.Json);
        }

        // The run's rate-limit budget covers the estimate: the pacer waits for each hour's quota instead of deferring.
        using var target = new GitHubImportTarget(new GitHubIssueStore(github with { RunBudget = estimate + TimeSpan.FromMinutes(15) }, settings.Clock));
        var result = await RunAsync(context, settings, target, input, options, dryRun: false, existing, cancellationToken);
        return ImportReport.Write(context, result, target.Location, dryRun: false, options.Json);
    }

    private static async Task<ImportResult> RunAsync(
        IssueCommandContext context, IssueCommandSettings settings, IImportTarget target, ImportInput input, Options options, bool dryRun, ExistingIssues? existing, CancellationToken cancellationToken)
    {
        var (stream, length) = input.OpenRead(settings.Stdin());
        await using var owned = input.Path is null ? null : stream;
        var start = new byte[64];
        var format = options.Format ?? (input.Path is { } path ? ImportFormats.FromExtension(path) : null);
        var sniffed = 0;
        if (format is null)
        {
            // Peek at the first bytes and put them back in front of the rest of the stream.
            sniffed = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
            format = ImportFormats.Sniff(start.AsSpan(0, sniffed));
        }

        await using var body = sniffed > 0 ? new PrefixedStream(start.AsMemory(0, sniffed), stream) : null;
        existing ??= options.SkipExisting ? await target.LoadExistingAsync(cancellationToken) : null;
        var progress = ImportProgressFactory.For(context.Error, target.ChunkSize, quiet: options.Json);
        return await new ImportRunner(target, progress).RunAsync(new ImportRequest(body ?? stream, format.Value, length, existing, dryRun), cancellationToken);
    }

    private sealed record Options(string File, ImportFormat? Format, bool SkipExisting, bool DryRun, bool Json);
}
