using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Policies;

/// <summary><c>policies/dispatch.yml</c>: where each priority runs, local limits, retries.</summary>
public sealed record DispatchPolicy(
    IReadOnlyDictionary<Priority, DispatchTarget> Targets,
    LocalDispatch Local,
    RetryPolicy Retry)
{
    public static DispatchPolicy Default { get; } = new(
        new Dictionary<Priority, DispatchTarget>
        {
            [Priority.P0] = new(ExecutorKind.Lambda, "businessops-agents", null, null),
            [Priority.P1] = new(ExecutorKind.Batch, null, "businessops-agents", "businessops-agent"),
            [Priority.P2] = new(ExecutorKind.Batch, null, "businessops-agents", "businessops-agent"),
            [Priority.P3] = new(ExecutorKind.Batch, null, "businessops-agents", "businessops-agent"),
        },
        LocalDispatch.Default,
        RetryPolicy.Default);

    /// <summary>Which non-public address ranges agents may reach (<c>network:</c>); public addresses only by default.</summary>
    public NetworkPolicy Network { get; init; } = NetworkPolicy.PublicOnly;

    /// <summary>
    /// At most this many new agent runs start per pass (<c>fairShare.perPass</c>), shared between clients by their weights;
    /// P0 never waits for it. Null: no budget (every queued issue a client's <c>maxConcurrent</c> allows starts at once).
    /// </summary>
    public int? PerPass { get; init; }

    public DispatchTarget For(Priority priority) => Targets.TryGetValue(priority, out var t) ? t : new DispatchTarget(ExecutorKind.Batch, null, "businessops-agents", "businessops-agent");
}

/// <summary>Cloud target for one priority: a Lambda function, or a Batch queue and job definition.</summary>
public sealed record DispatchTarget(ExecutorKind Executor, string? Function, string? Queue, string? JobDefinition)
{
    /// <summary>Batch only: a job RUNNABLE longer than this is reported on the issue.</summary>
    public TimeSpan RunnableThreshold { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Batch only: how many issues of one agent and client a job may carry, and how long to wait for them.</summary>
    public BatchSets Sets { get; init; } = BatchSets.None;
}

/// <summary>Local child-process execution: parallelism (0 = processor count) and per-run timeout.</summary>
public sealed record LocalDispatch(int Concurrency, TimeSpan Timeout)
{
    public static LocalDispatch Default { get; } = new(0, TimeSpan.FromMinutes(5));

    /// <summary>After the timeout (or a cancel) the agent gets SIGTERM and this long to exit before its process group is killed.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Warm workers (one process per agent and client, fed through the Lambda Runtime API on loopback) rather than a process per issue.</summary>
    public bool Warm { get; init; } = true;

    /// <summary>A warm worker is replaced after this many issues.</summary>
    public int RecycleAfter { get; init; } = 1000;

    /// <summary>At most this many warm workers at once.</summary>
    public int MaxWorkers { get; init; } = 32;
}

/// <summary>Retry with exponential backoff and jitter; escalate after <see cref="MaxConsecutiveFailures"/>.</summary>
public sealed record RetryPolicy(TimeSpan BaseDelay, double Factor, TimeSpan Cap, int MaxConsecutiveFailures)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromMinutes(1), 2.0, TimeSpan.FromHours(1), 3);
}
