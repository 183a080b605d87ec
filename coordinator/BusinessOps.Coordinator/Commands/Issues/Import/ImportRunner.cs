using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// Streams an input through the store's rules into the target, <see cref="IImportTarget.ChunkSize"/> rows at a time:
/// memory holds one chunk, however large the file. Every bad line is recorded with its number and reason and the good
/// ones are filed; with an index of existing issues, rows already filed (before, or earlier in this input) are skipped.
/// </summary>
internal sealed class ImportRunner(IImportTarget target, IImportProgress progress)
{
    public Task<ImportResult> RunAsync(ImportRequest request, CancellationToken cancellationToken) =>
        progress.RunAsync(request.TotalBytes, report => RunAsync(request, report, cancellationToken));

    private async Task<ImportResult> RunAsync(ImportRequest request, Action<long, int> report, CancellationToken cancellationToken)
    {
        var result = new ImportResult();
        var chunk = new List<(long Line, ImportedIssue Issue)>(target.ChunkSize);
        var source = request.Format == ImportFormat.Csv ? CsvSource.ReadAsync(request.Input, cancellationToken) : JsonLinesSource.ReadAsync(request.Input, cancellationToken);
        await foreach (var item in source)
        {
            if (item.Error is { } error)
            {
                result.Errors.Add(error);
            }
            else if (Prepare(item.Row!, request.Existing, result) is { } issue)
            {
                if (request.DryRun)
                {
                    result.WouldFile++;
                }
                else
                {
                    chunk.Add((item.Row!.Line, issue));
                }
            }

            if (chunk.Count >= target.ChunkSize && !await FlushAsync(chunk, result, cancellationToken))
            {
                return result;
            }

            report(item.BytesRead, result.Filed.Count + result.WouldFile);
        }

        await FlushAsync(chunk, result, cancellationToken);
        return result;
    }

    /// <summary>The issue to file for <paramref name="row"/>, or null when it breaks a rule (recorded) or was filed already.</summary>
    private ImportedIssue? Prepare(ImportRow row, ExistingIssues? existing, ImportResult result)
    {
        var author = row.Author ?? target.Actor;
        if (existing?.Find(row, author) is { } number)
        {
            result.Skipped.Add((row.Line, number));
            return null;
        }

        // The marker remembers what the store itself cannot: the caller's id, and on GitHub who the row says filed it.
        var keepAuthor = !target.KeepsAuthors && row.Author is not null && !string.Equals(row.Author, target.Actor, StringComparison.OrdinalIgnoreCase);
        var body = row.Id is not null || keepAuthor ? ImportMarker.Append(row.Body, ImportMarker.Render(row.Id, keepAuthor ? row.Author : null)) : row.Body;
        var issue = new ImportedIssue(row.Title, body, row.Labels, author);
        if (ImportedIssueRules.Problem(issue) is { } problem)
        {
            result.Errors.Add(new ImportLineError(row.Line, problem));
            return null;
        }

        existing?.Add(0, row.Title, author, row.Id);
        return target.KeepsAuthors ? issue : issue with { Author = target.Actor };
    }

    /// <summary>Files the chunk; false when GitHub's rate limit ended the run (what was filed stays filed).</summary>
    private async Task<bool> FlushAsync(List<(long Line, ImportedIssue Issue)> chunk, ImportResult result, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return true;
        }

        try
        {
            var outcomes = await target.FileAsync([.. chunk.Select(c => c.Issue)], cancellationToken);
            for (var i = 0; i < chunk.Count; i++)
            {
                if (outcomes[i].Number is { } number)
                {
                    result.Filed.Add((chunk[i].Line, number));
                }
                else
                {
                    result.Errors.Add(new ImportLineError(chunk[i].Line, outcomes[i].Error ?? "not filed"));
                }
            }

            return true;
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.RateLimited)
        {
            result.Deferred = true;
            result.DeferredUntil = ex.RetryAt;
            return false;
        }
        finally
        {
            chunk.Clear();
        }
    }
}
