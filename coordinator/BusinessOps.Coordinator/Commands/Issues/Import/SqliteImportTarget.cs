using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>The local store: a thousand issues per transaction; a chunk the store refuses is retried issue by issue, so one bad row costs only itself.</summary>
internal sealed class SqliteImportTarget(SqliteIssueStore store) : IImportTarget
{
    public const int DefaultChunkSize = 1000;

    public string Location => store.Location;

    public int ChunkSize => DefaultChunkSize;

    public bool KeepsAuthors => true;

    public string Actor => store.Actor;

    public async Task<ExistingIssues> LoadExistingAsync(CancellationToken cancellationToken)
    {
        var existing = new ExistingIssues();
        foreach (var key in await store.ListIssueKeysAsync(cancellationToken))
        {
            var (id, author) = ImportMarker.Read(key.MarkedBody);
            existing.Add(key.Number, key.Title, author ?? key.Author, id);
        }

        return existing;
    }

    public async Task<IReadOnlyList<(int? Number, string? Error)>> FileAsync(IReadOnlyList<ImportedIssue> issues, CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await store.CreateIssuesAsync(issues, cancellationToken)).Select(n => ((int?)n, (string?)null))];
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.Invalid && issues.Count > 1)
        {
            var results = new List<(int?, string?)>(issues.Count);
            foreach (var issue in issues)
            {
                results.Add((await FileAsync([issue], cancellationToken))[0]);
            }

            return results;
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.Invalid)
        {
            return [(null, ex.Message)];
        }
    }

    public void Dispose() => store.Dispose();
}
