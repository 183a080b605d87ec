using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// GitHub: one create per issue through the store's pacing (writes spaced and capped per hour), so an import never trips
/// the secondary rate limits. Every issue is filed as the token's login; a row's author is kept in the import marker.
/// A rate-limit wait beyond the run's budget surfaces as <see cref="StoreErrorKind.RateLimited"/> and ends the import.
/// </summary>
internal sealed class GitHubImportTarget(IIssueStore store) : IImportTarget
{
    public string Location => store.Location;

    public int ChunkSize => 1;

    public bool KeepsAuthors => false;

    public string Actor => store.Identity;

    public async Task<ExistingIssues> LoadExistingAsync(CancellationToken cancellationToken)
    {
        var existing = new ExistingIssues();
        foreach (var issue in await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), cancellationToken))
        {
            var (id, author) = ImportMarker.Read(issue.Body);
            existing.Add(issue.Number, issue.Title, author ?? issue.Author, id);
        }

        return existing;
    }

    public async Task<IReadOnlyList<(int? Number, string? Error)>> FileAsync(IReadOnlyList<ImportedIssue> issues, CancellationToken cancellationToken)
    {
        var results = new List<(int?, string?)>(issues.Count);
        foreach (var issue in issues)
        {
            try
            {
                var created = await store.CreateIssueAsync(new NewIssue(issue.Title, issue.Body, issue.Labels), cancellationToken);
                results.Add((created.Number, null));
            }
            catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.Invalid)
            {
                results.Add((null, "GitHub refused it: " + ex.Message));
            }
        }

        return results;
    }

    public void Dispose() => (store as IDisposable)?.Dispose();
}
