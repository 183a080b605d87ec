using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Facts the shell gathered before deciding, so <c>Decide</c> stays pure: permissions of commenters,
/// executor reports for in-flight cloud runs, and today's spending.
/// </summary>
public sealed record DecisionContext
{
    public static DecisionContext Empty { get; } = new();

    /// <summary>Name of the executor dispatches will go to (<c>local</c>, <c>aws</c>); recorded with the intent.</summary>
    public string Executor { get; init; } = "local";

    /// <summary>
    /// True when the shell hands dispatches to the executor right away (cloud): they go straight to
    /// <c>status/in-progress</c>. False (local, bounded parallelism): they wait in <c>status/queued</c> until started.
    /// </summary>
    public bool DispatchImmediately { get; init; }

    /// <summary>Repository permission per login (only logins the shell looked up).</summary>
    public IReadOnlyDictionary<string, RepositoryPermission> Permissions { get; init; } = new Dictionary<string, RepositoryPermission>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members of the <c>org/team</c> entries of approval roles, where the store could read them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Teams { get; init; }

    /// <summary>Executor reports by idempotency key.</summary>
    public IReadOnlyDictionary<string, DispatchReport> Reports { get; init; } = new Dictionary<string, DispatchReport>(StringComparer.Ordinal);

    /// <summary>Cost of executions recorded today (UTC), all issues.</summary>
    public decimal SpentTodayUsd { get; init; }

    /// <summary>Cost of executions recorded today (UTC), per <c>client/*</c> id.</summary>
    public IReadOnlyDictionary<string, decimal> SpentTodayByClient { get; init; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
}
