namespace BusinessOps.TestKit.Aws;

/// <summary>
/// A clock whose timers never wait: creating a timer moves time forward to its due time and fires it at once.
/// Code that backs off or paces itself with <c>Task.Delay(d, clock)</c> runs instantly while the clock records how
/// much time it "spent". Meant for sequential code paths; concurrent waiters each push time forward by their own delay.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public VirtualClock()
        : this(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Sum of all timer delays requested so far (the time the code under test chose to wait).</summary>
    public TimeSpan TotalDelayed { get; private set; }

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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ImmediateTimer(this, callback, state, dueTime);

    private void Jump(DateTimeOffset from, TimeSpan due)
    {
        lock (_gate)
        {
            TotalDelayed += due;
            var target = from + due;
            if (target > _now)
            {
                _now = target;
            }
        }
    }

    /// <summary>Fires once per <see cref="Change"/> with a finite due time, after moving the clock.</summary>
    private sealed class ImmediateTimer : ITimer
    {
        private readonly VirtualClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private bool _disposed;

        public ImmediateTimer(VirtualClock clock, TimerCallback callback, object? state, TimeSpan due)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(due, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return !_disposed;
            }

            _clock.Jump(_clock.GetUtcNow(), dueTime);
            ThreadPool.UnsafeQueueUserWorkItem(s => { if (!_disposed) { _callback(s); } }, _state, preferLocal: false);
            return true;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
