namespace BusinessOps.Coordinator.Reconcile;

/// <summary>What one reconcile pass did. <see cref="Deferred"/>: stopped early for a rate limit; the next run resumes.</summary>
public sealed record PassResult(int Examined, int Writes, int Dispatched, int Failed, bool Deferred = false, DateTimeOffset? RetryAt = null);
