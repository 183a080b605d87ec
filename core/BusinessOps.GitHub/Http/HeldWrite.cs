namespace BusinessOps.GitHub.Http;

/// <summary>
/// The write slot taken ahead of a read-compare-write (<see cref="RequestPacer.HoldWriteAsync"/>): the spacing is waited
/// out first, then the comparing read and the write go out back to back, so the window in which another writer can slip
/// between them is one round trip, not a pacing delay. While held (on this async flow), the write it covers takes no
/// second slot. Dispose gives the slot back.
/// </summary>
internal sealed class HeldWrite(RequestPacer pacer) : IDisposable
{
    private static readonly AsyncLocal<HeldWrite?> Current = new();
    private bool _disposed;

    /// <summary>True when the current async flow holds a write slot.</summary>
    public static bool IsHeld => Current.Value is { _disposed: false };

    /// <summary>Marks the caller's flow as holding this slot. Synchronous on purpose: the caller's own flow gets it.</summary>
    public HeldWrite Enter()
    {
        Current.Value = this;
        return this;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Current.Value = null;
        pacer.Leave(isRead: false);
    }
}
