namespace BusinessOps.TestKit.Aws;

/// <summary>
/// A clock with real timer semantics that only moves when told: timers fire during <see cref="Advance"/> once due.
/// <see cref="TimerCreated"/> lets a test wait, without sleeping, until the code under test has armed a timer.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;
    private readonly List<(int Count, TaskCompletionSource Done)> _pendingWaiters = [];
    private TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Completes when the next timer with a finite due time is armed.</summary>
    public Task TimerCreated
    {
        get
        {
            lock (_gate)
            {
                return _armed.Task;
            }
        }
    }

    /// <summary>Timers armed and not yet fired or disposed.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> timers are pending (event-driven; no polling).</summary>
    public Task WhenPendingTimersAsync(int count)
    {
        lock (_gate)
        {
            if (_timers.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pendingWaiters.Add((count, done));
            return done.Task;
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
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _timers.Where(t => t.DueAt <= _now)];
            foreach (var t in due)
            {
                _timers.Remove(t);
            }
        }

        foreach (var t in due)
        {
            t.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Arm(ManualTimer timer, TimeSpan due)
    {
        TaskCompletionSource armed;
        var fireNow = false;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (due == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + due;
            if (due <= TimeSpan.Zero)
            {
                fireNow = true;
            }
            else
            {
                _timers.Add(timer);
                foreach (var waiter in _pendingWaiters.Where(w => _timers.Count >= w.Count).ToList())
                {
                    _pendingWaiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }
            }

            armed = _armed;
            _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        armed.TrySetResult();
        if (fireNow)
        {
            timer.Fire();
        }
    }

    private void Disarm(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Arm(this, dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Disarm(this);

        public ValueTask DisposeAsync()
        {
            clock.Disarm(this);
            return ValueTask.CompletedTask;
        }
    }
}
