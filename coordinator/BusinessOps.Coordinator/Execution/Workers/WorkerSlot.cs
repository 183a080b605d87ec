namespace BusinessOps.Coordinator.Execution.Workers;

/// <summary>The warm worker of one agent and one client, and the gate that lets one issue at a time through to it.</summary>
internal sealed class WorkerSlot
{
    /// <summary>Held while an issue runs on <see cref="Worker"/> (and while it is started, recycled or evicted).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The running worker, or null until the next issue starts one.</summary>
    public WarmWorker? Worker { get; set; }

    /// <summary>When the slot last ran an issue (<see cref="TimeProvider.GetTimestamp"/>): the least recently used is evicted first.</summary>
    public long LastUsed { get; set; }
}
