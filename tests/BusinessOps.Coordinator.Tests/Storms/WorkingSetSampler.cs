using System.Diagnostics;

namespace BusinessOps.Coordinator.Tests.Storms;

/// <summary>Samples this process's working set every 20 ms until stopped; <see cref="Stop"/> returns the highest seen.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _sampling;

    public WorkingSetSampler() => _sampling = Task.Run(SampleAsync);

    public long Stop()
    {
        _stop.Cancel();
        return _sampling.GetAwaiter().GetResult();
    }

    public void Dispose() => _stop.Dispose();

    private async Task<long> SampleAsync()
    {
        using var self = Process.GetCurrentProcess();
        var peak = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            self.Refresh();
            peak = Math.Max(peak, self.WorkingSet64);
        }
        while (!_stop.IsCancellationRequested && await WaitAsync(timer));

        return peak;
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
