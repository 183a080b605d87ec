using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells when the code under test has armed a number of timers, so a
/// scenario can wait (event-driven, no polling or sleeping) until every paced caller is parked on the clock.
/// </summary>
public sealed class ArmedTimersClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _armed;

    public ArmedTimersClock()
        : this(Some.Epoch)
    {
    }

    /// <summary>Completes once at least <paramref name="count"/> timers with a finite, positive due time were created.</summary>
    public Task WhenTimersArmedAsync(int count)
    {
        lock (_gate)
        {
            if (_armed >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _armed++;
                foreach (var waiter in _waiters.Where(w => _armed >= w.Count).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }
            }
        }

        return timer;
    }
}
