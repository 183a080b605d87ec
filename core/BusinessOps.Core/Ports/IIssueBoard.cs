namespace BusinessOps.Core.Ports;

/// <summary>
/// What the operations dashboard needs beyond <see cref="IIssueStore"/>: edit an issue's title and body in place, and keep
/// it pinned. Optional (a store without it gets no dashboard). Texts are written as given: callers scrub them first.
/// </summary>
public interface IIssueBoard
{
    /// <summary>Replaces the title and body of issue <paramref name="number"/> (one write).</summary>
    Task UpdateIssueAsync(int number, string title, string body, CancellationToken cancellationToken);

    /// <summary>Whether the issue is pinned to the repository; null where the store has no pins (local).</summary>
    Task<bool?> IsPinnedAsync(int number, CancellationToken cancellationToken);

    /// <summary>Pins the issue (no-op where the store has no pins).</summary>
    Task PinAsync(int number, CancellationToken cancellationToken);
}
