using BusinessOps.GitHub.Errors;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// GitHub's rate-limit guidance as one object: writes serialized and spaced <see cref="GitHubOptions.WriteSpacing"/> apart,
/// at most <see cref="GitHubOptions.MaxConcurrentReads"/> reads in flight, nothing sent while a known limit window is
/// open, and a <see cref="GitHubRateLimitDeferredException"/> when the window outlasts the run's budget.
/// All waits go through the injected clock.
/// </summary>
internal sealed class RequestPacer(GitHubOptions options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _readGate = new(options.MaxConcurrentReads, options.MaxConcurrentReads);
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _deadline = clock.GetUtcNow() + options.RunBudget;

    // When a known rate-limit window closes; nothing is sent before it.
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    // When the last write finished; the next one waits WriteSpacing after it.
    private DateTimeOffset _lastWriteAt = DateTimeOffset.MinValue;

    // Start times of this run's writes in the last hour, oldest first (GitHub: at most 500 content writes per hour).
    private readonly Queue<DateTimeOffset> _hourOfWrites = new();

    // Consecutive secondary-limit answers without guidance, for the exponential backoff.
    private int _secondaryStreak;

    /// <summary>Takes a read or write slot, then waits out any open limit window and (writes) the spacing.</summary>
    public async Task EnterAsync(bool isRead, CancellationToken cancellationToken)
    {
        var gate = isRead ? _readGate : _writeGate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await WaitForWindowAsync(cancellationToken);
            if (!isRead)
            {
                await WaitForHourlyQuotaAsync(cancellationToken);
                var wait = _lastWriteAt + options.WriteSpacing - clock.GetUtcNow();
                if (_lastWriteAt != DateTimeOffset.MinValue && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }

                _hourOfWrites.Enqueue(clock.GetUtcNow());
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>Takes a write slot (spacing and quotas waited out) for a read-compare-write; <see cref="HeldWrite.Enter"/> it.</summary>
    public async Task<HeldWrite> HoldWriteAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(isRead: false, cancellationToken);
        return new HeldWrite(this);
    }

    /// <summary>Gives the slot back; a write's finish time starts the next write's spacing.</summary>
    public void Leave(bool isRead)
    {
        if (isRead)
        {
            _readGate.Release();
            return;
        }

        _lastWriteAt = clock.GetUtcNow();
        _writeGate.Release();
    }

    /// <summary>A request went through: secondary backoff starts over.</summary>
    public void Succeeded() => Interlocked.Exchange(ref _secondaryStreak, 0);

    /// <summary>Nothing is sent before <paramref name="until"/> (windows only ever grow).</summary>
    public void Block(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    /// <summary>GitHub's guidance: retry-after if given; else the reset time + 1 s when the quota is spent; else ≥ 60 s, doubling.</summary>
    public DateTimeOffset RateLimited(RateLimitInfo limits)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset until;
        if (limits.RetryAfter is { } retryAfter)
        {
            until = now + retryAfter;
        }
        else if (limits.Exhausted && limits.Reset is { } reset)
        {
            until = reset.AddSeconds(1);
        }
        else
        {
            var streak = Interlocked.Increment(ref _secondaryStreak);
            until = now + (options.SecondaryLimitBaseDelay * Math.Pow(2, Math.Min(streak - 1, 6)));
        }

        Block(until);
        return until;
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        _readGate.Dispose();
    }

    // Called holding the write gate, so the queue has one user at a time.
    private async Task WaitForHourlyQuotaAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        while (_hourOfWrites.Count > 0 && _hourOfWrites.Peek() <= now - TimeSpan.FromHours(1))
        {
            _hourOfWrites.Dequeue();
        }

        if (_hourOfWrites.Count < options.MaxWritesPerHour)
        {
            return;
        }

        var until = _hourOfWrites.Peek() + TimeSpan.FromHours(1);
        if (until > _deadline)
        {
            throw new GitHubRateLimitDeferredException(until, options.RunBudget);
        }

        await Task.Delay(until - now, clock, cancellationToken);
        _hourOfWrites.Dequeue();
    }

    /// <summary>Waits out a known rate-limit window (a held write's retry takes no new slot, but honours the window).</summary>
    public async Task WaitForWindowAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset until;
        lock (_gate)
        {
            until = _blockedUntil;
        }

        var now = clock.GetUtcNow();
        if (until <= now)
        {
            return;
        }

        if (until > _deadline)
        {
            throw new GitHubRateLimitDeferredException(until, options.RunBudget);
        }

        await Task.Delay(until - now, clock, cancellationToken);
    }
}
