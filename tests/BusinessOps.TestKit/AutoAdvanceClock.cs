using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.TestKit;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose timers never wait: arming a timer moves the clock to its due time (on the
/// thread pool), so code that backs off or paces itself with <c>Task.Delay(span, clock, ct)</c> runs instantly and
/// deterministically while every requested wait is recorded in <see cref="Delays"/>. Periods are not repeated (nothing
/// here needs them). Tests never sleep.
/// </summary>
public sealed class AutoAdvanceClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];

    public AutoAdvanceClock()
        : this(Some.Epoch)
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

    /// <summary>Sum of all timer delays requested so far (the time the code under test chose to wait).</summary>
    public TimeSpan TotalDelayed => Delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new AutoTimer(this, base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(TimeSpan dueTime)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            _delays.Add(dueTime);
            target = GetUtcNow() + (dueTime > TimeSpan.Zero ? dueTime : TimeSpan.Zero);
        }

        // Off the arming thread, as a real timer fires: the caller finishes arming before its callback runs.
        ThreadPool.UnsafeQueueUserWorkItem(_ => JumpTo(target), null);
    }

    private void JumpTo(DateTimeOffset target)
    {
        lock (_gate)
        {
            var ahead = target - GetUtcNow();
            Advance(ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero);
        }
    }

    /// <summary>Delegates to the fake's timer and schedules the jump to its due time on every finite change.</summary>
    private sealed class AutoTimer(AutoAdvanceClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (changed && dueTime != Timeout.InfiniteTimeSpan)
            {
                clock.Schedule(dueTime);
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
