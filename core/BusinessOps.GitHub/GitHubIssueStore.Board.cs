using System.Collections.Concurrent;
using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub;

/// <summary>The dashboard's port: a title and body edit (one PATCH), and the pin (GraphQL: one lookup, one mutation).</summary>
public sealed partial class GitHubIssueStore : IIssueBoard
{
    // Node ids seen by pin lookups, so pinning after a lookup costs only the mutation.
    private readonly ConcurrentDictionary<int, string> _nodeIds = new();

    public Task UpdateIssueAsync(int number, string title, string body, CancellationToken cancellationToken) =>
        _api.ReplaceIssueTextAsync(number, title, body, cancellationToken);

    public async Task<bool?> IsPinnedAsync(int number, CancellationToken cancellationToken)
    {
        var pin = await _api.GetPinAsync(number, cancellationToken);
        if (pin?.NodeId is { } id)
        {
            _nodeIds[number] = id;
        }

        return pin?.IsPinned ?? false;
    }

    public async Task PinAsync(int number, CancellationToken cancellationToken)
    {
        if (!_nodeIds.TryGetValue(number, out var id))
        {
            if (await _api.GetPinAsync(number, cancellationToken) is not { NodeId: { } found, IsPinned: false })
            {
                return;
            }

            id = found;
        }

        await _api.PinAsync(id, cancellationToken);
    }
}
