using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub;

/// <summary>The dashboard's port: a title and body edit (one PATCH), and the pin (GraphQL: one lookup, one mutation).</summary>
public sealed partial class GitHubIssueStore : IIssueBoard
{
    public Task UpdateIssueAsync(int number, string title, string body, CancellationToken cancellationToken) =>
        _api.ReplaceIssueTextAsync(number, title, body, cancellationToken);

    public async Task<bool?> IsPinnedAsync(int number, CancellationToken cancellationToken) =>
        (await _api.GetPinAsync(number, cancellationToken))?.IsPinned ?? false;

    public async Task PinAsync(int number, CancellationToken cancellationToken)
    {
        if (await _api.GetPinAsync(number, cancellationToken) is { NodeId: { } id, IsPinned: false })
        {
            await _api.PinAsync(id, cancellationToken);
        }
    }
}
