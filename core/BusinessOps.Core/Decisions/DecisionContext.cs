using System.Collections.Immutable;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The facts the shell gathered before deciding, so <c>Decide</c> stays pure: where dispatches go, commenters'
/// permissions, approval teams, executor reports for cloud runs, and today's spending. Built the same way on every
/// path (full pass, <c>--event</c>, the settle step after a local run, <c>--dry-run</c>, the tests): start from
/// <see cref="For"/> and add what <c>Decide</c> asks for with <see cref="GatherFacts"/> through the <c>With…</c> methods.
/// </summary>
public sealed record DecisionContext
{
    /// <summary>No facts at all: local executor, nothing spent today, no permission or team known (tests and benchmarks).</summary>
    public static DecisionContext Empty { get; } = new() { SpendUnknown = false };

    /// <summary>
    /// Where dispatches go: <see cref="ExecutorKind.Local"/>, <see cref="ExecutorKind.Lambda"/>, <see cref="ExecutorKind.Batch"/>,
    /// or null for the AWS executor, which picks Lambda or Batch by the dispatch policy of the issue's priority.
    /// </summary>
    public ExecutorKind? Executor { get; init; } = ExecutorKind.Local;

    /// <summary>
    /// True when the shell hands dispatches to the executor right away (cloud): they go straight to
    /// <c>status/in-progress</c>. False (local, bounded parallelism): they wait in <c>status/queued</c> until started.
    /// </summary>
    public bool DispatchImmediately { get; init; }

    /// <summary>Repository permission per login (only logins the shell looked up), case-insensitive.</summary>
    public IReadOnlyDictionary<string, RepositoryPermission> Permissions { get; init; } = ImmutableDictionary.Create<string, RepositoryPermission>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members of the <c>org/team</c> entries of approval roles; null until gathered (empty: the store cannot read teams).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Teams { get; init; }

    /// <summary>Executor reports by idempotency key (cloud runs the shell followed this pass).</summary>
    public IReadOnlyDictionary<string, DispatchReport> Reports { get; init; } = ImmutableDictionary.Create<string, DispatchReport>(StringComparer.Ordinal);

    /// <summary>Today's spending over the whole repository; null with <see cref="SpendUnknown"/> false means nothing was spent.</summary>
    public SpendLedger? Spend { get; init; }

    /// <summary>True until the shell has read the ledger: a decision that needs it asks (<see cref="GatherFacts.SpendToday"/>).</summary>
    public bool SpendUnknown { get; init; } = true;

    /// <summary>
    /// The deciding pass's id: a dispatch records a <see cref="State.Lease"/> for it. Null for tools and tests that only
    /// look (they take no lease, and still honour other passes' leases).
    /// </summary>
    public string? Pass { get; init; }

    /// <summary>How long a lease taken with a dispatch intent lasts if its pass never comes back (a crash on another machine).</summary>
    public TimeSpan LeaseFor { get; init; } = DefaultLeaseFor;

    /// <summary>Lease holders the shell knows are gone: passes that ended, processes on this host that died.</summary>
    public IReadOnlySet<string> EndedPasses { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>
    /// The shell's check of one effect against what this process can run — its kind's parameter schema, the connector,
    /// its endpoint and the secrets it names — as one line on why it cannot run, or null when it can. Null: only what
    /// policy says is checked (<see cref="Effects.ConnectorReadiness"/>). Called once per effect when a plan is gated, so
    /// the issue says which effect cannot run and why before anyone approves.
    /// </summary>
    public Func<Results.Effect, string?>? EffectProblem { get; init; }

    /// <summary>
    /// Set by the shell for one decision only: the fair-share selection of the pass holds this issue's new agent run back
    /// (its client at <c>maxConcurrent</c>, or the pass's budget spent), so <c>Decide</c> records no intent and the issue
    /// waits for a later pass. Null: a new run may start.
    /// </summary>
    public DispatchHold? Hold { get; init; }

    /// <summary>The default <see cref="LeaseFor"/>: a cloud run is handed over within seconds of its intent; this is the crash bound.</summary>
    public static TimeSpan DefaultLeaseFor => TimeSpan.FromMinutes(10);

    /// <summary>The context a shell starts a pass with, for the executor named <paramref name="executorName"/>.</summary>
    /// <param name="executorName"><c>local</c>, <c>lambda</c>, <c>batch</c>, or the composite AWS executor's name.</param>
    /// <param name="dispatchImmediately">Cloud executors: dispatches start at once, without a visible queue.</param>
    public static DecisionContext For(string executorName, bool dispatchImmediately) => new()
    {
        Executor = executorName switch
        {
            "local" => ExecutorKind.Local,
            "lambda" => ExecutorKind.Lambda,
            "batch" => ExecutorKind.Batch,
            _ => null,
        },
        DispatchImmediately = dispatchImmediately,
    };

    /// <summary>True when today's spending is known for <paramref name="now"/>'s UTC day (a ledger of yesterday is not).</summary>
    public bool KnowsSpend(DateTimeOffset now) => !SpendUnknown && (Spend is null || Spend.Covers(now));

    /// <summary>Adds looked-up permissions (later lookups win).</summary>
    public DecisionContext WithPermissions(IEnumerable<KeyValuePair<string, RepositoryPermission>> permissions)
    {
        var map = Permissions as ImmutableDictionary<string, RepositoryPermission> ?? ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, Permissions);
        return this with { Permissions = map.SetItems(permissions) };
    }

    /// <summary>Sets the members of the approval teams (an empty map: teams cannot be read, they match nobody).</summary>
    public DecisionContext WithTeams(IReadOnlyDictionary<string, IReadOnlyList<string>> teams) =>
        this with { Teams = ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, teams) };

    /// <summary>Sets the executor's reports of this pass, by key.</summary>
    public DecisionContext WithReports(IEnumerable<DispatchReport> reports) =>
        this with { Reports = reports.ToImmutableDictionary(r => r.Key, StringComparer.Ordinal) };

    /// <summary>Sets today's ledger from every issue with an execution on <paramref name="now"/>'s UTC day (open and closed).</summary>
    public DecisionContext WithSpend(IEnumerable<IssueSnapshot> issues, string identity, DateTimeOffset now) =>
        this with { Spend = SpendLedger.For(now).With(issues, identity), SpendUnknown = false };

    /// <summary>Folds a fresh snapshot of one issue into the ledger (a result the pass just recorded counts at once).</summary>
    public DecisionContext Observe(IssueSnapshot issue, string identity) =>
        SpendUnknown || Spend is null ? this : this with { Spend = Spend.With(issue, identity) };

    /// <summary>The query for the issues behind today's ledger: every issue updated since the start of <paramref name="now"/>'s UTC day.</summary>
    public static IssueQuery SpendQuery(DateTimeOffset now, IssueStateFilter state = IssueStateFilter.All) => new(state, Since: SpendLedger.Day(now));
}
