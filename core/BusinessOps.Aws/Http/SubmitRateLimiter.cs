namespace BusinessOps.Aws.Http;

/// <summary>
/// Spaces calls evenly at <c>perSecond</c> (a token bucket of capacity one): every caller reserves the next free slot
/// under a lock and waits for it on the injected clock, so no one-second window ever holds more than <c>perSecond</c>
/// calls, however many callers arrive at once.
/// </summary>
internal sealed class SubmitRateLimiter(double perSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();

    // Spacing between two slots; a non-positive rate disables pacing (tests of other concerns, local fakes).
    private readonly TimeSpan _interval = perSecond > 0 ? TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond)) : TimeSpan.Zero;

    // The earliest instant the next caller may go.
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Reserves a slot and returns it (pure bookkeeping; exposed for tests).</summary>
    public DateTimeOffset Reserve()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var slot = now > _next ? now : _next;
            _next = slot + _interval;
            return slot;
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == TimeSpan.Zero)
        {
            return;
        }

        var wait = Reserve() - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
