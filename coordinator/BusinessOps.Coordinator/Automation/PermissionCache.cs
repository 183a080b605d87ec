using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Automation;

/// <summary>Repository permissions asked once per login per pass (one request each on GitHub).</summary>
internal sealed class PermissionCache(IIssueStore store)
{
    private readonly Dictionary<string, RepositoryPermission> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for collaborators who may approve, reject, retry or cancel: write access or above.</summary>
    public async Task<bool> CanWriteAsync(string login, CancellationToken cancellationToken)
    {
        if (!_known.TryGetValue(login, out var permission))
        {
            permission = await store.GetPermissionAsync(login, cancellationToken);
            _known[login] = permission;
        }

        return permission >= RepositoryPermission.Write;
    }
}
