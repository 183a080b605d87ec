using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Repository permissions looked up at most once per login per run (issue 5: one lookup per approving author).</summary>
internal sealed class PermissionCache(IIssueStore store)
{
    private readonly Dictionary<string, RepositoryPermission> _known = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, RepositoryPermission> Known => _known;

    public int Lookups { get; private set; }

    public async Task<IReadOnlyDictionary<string, RepositoryPermission>> ResolveAsync(IReadOnlyList<string> logins, CancellationToken ct)
    {
        foreach (var login in logins)
        {
            if (!_known.ContainsKey(login))
            {
                _known[login] = await store.GetPermissionAsync(login, ct);
                Lookups++;
            }
        }

        return new Dictionary<string, RepositoryPermission>(_known, StringComparer.OrdinalIgnoreCase);
    }
}
