namespace BusinessOps.TestKit.GitHub;

/// <summary>
/// A fake <see cref="TimeProvider"/> whose timers fire at once by jumping the clock forward by their due time, so code
/// that waits through <c>Task.Delay(span, clock, ct)</c> runs instantly and deterministically. Every requested wait is
/// recorded in <see cref="Delays"/> for assertions. Tests never sleep.
/// </summary>
public sealed class AutoAdvanceClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = start;

    public AutoAdvanceClock()
        : this(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every timer due time requested so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new AutoTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(AutoTimer timer, TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            _delays.Add(dueTime);
            if (dueTime > TimeSpan.Zero)
            {
                _now += dueTime;
            }
        }

        ThreadPool.QueueUserWorkItem(_ => timer.Fire());
    }

    /// <summary>One-shot timer: periods are not repeated (nothing here needs them).</summary>
    private sealed class AutoTimer(AutoAdvanceClock clock, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            clock.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
