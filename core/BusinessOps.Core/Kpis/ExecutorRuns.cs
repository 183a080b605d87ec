namespace BusinessOps.Core.Kpis;

/// <summary>What one executor did in the pass just finished: dispatches started and how many of them failed.</summary>
public sealed record ExecutorRuns(int Dispatched, int Failed);
