using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// The one builder of <c>Decide</c>'s facts in the shell, used by every path: the full pass, <c>run --event</c>, the settle
/// step after a local run and <c>--dry-run</c>. Each pass starts from <see cref="DecisionContext.For"/> with the executor's
/// reports; what a decision then asks for (<see cref="GatherFacts"/>) is gathered through the ports — permissions and teams
/// once per run, today's spend ledger once per pass: the open issues in hand plus the issues closed today, or every issue
/// updated today when only one is in hand. Thread-safe (the settle steps run in parallel): concurrent askers share one
/// lookup per fact.
/// </summary>
internal sealed class ContextBuilder(IIssueStore store, ITeamDirectory? teamDirectory, IExecutor executor, PolicySet policies, TimeProvider clock, bool dispatchImmediately, TimeSpan leaseFor, IEffectConnector? effects = null)
{
    /// <summary>The pass's clock (the dispatch contexts compute their KPIs at its time).</summary>
    public TimeProvider Clock => clock;

    // A decision asks for permissions, teams and spend in turn; a fact asked for again after that never settles.
    private const int MaxRounds = 4;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<RepositoryPermission>> _permissions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, IssueSnapshot> _observed = [];
    private DecisionContext _context = DecisionContext.For(executor.Name, dispatchImmediately) with { EffectProblem = effects is null ? null : effects.Unavailable };
    private Task<Dictionary<string, IReadOnlyList<string>>>? _teams;
    private Task<List<IssueSnapshot>>? _ledger;
    private DateTimeOffset _ledgerDay;

    // The open issues of a full pass: with the issues closed today they are the whole ledger, so nothing is listed twice.
    private IReadOnlyList<IssueSnapshot>? _allOpen;

    /// <summary>Permission lookups made so far (once per login per run).</summary>
    public int PermissionLookups
    {
        get
        {
            lock (_gate)
            {
                return _permissions.Count;
            }
        }
    }

    private DecisionContext Current
    {
        get
        {
            lock (_gate)
            {
                return _context;
            }
        }
    }

    /// <summary>
    /// Starts pass <paramref name="pass"/> over <paramref name="issues"/> (<paramref name="allOpen"/>: every open issue of the
    /// repository): asks the executor about their cloud runs, tells which lease holders are gone (<see cref="PassIds"/>),
    /// and forgets the previous pass's ledger and reports.
    /// </summary>
    public async Task StartPassAsync(IReadOnlyList<IssueSnapshot> issues, bool allOpen, string pass, CancellationToken ct)
    {
        var tracked = issues.Select(i => IssueStateReader.InFlight(i, policies)).OfType<TrackedDispatch>().ToList();
        var reports = tracked.Count == 0 ? [] : await executor.TrackAsync(tracked, ct);
        var ended = PassIds.Ended(issues.Where(MayHoldLease).Select(i => IssueStateReader.Read(i, policies).State.Lease?.Holder).OfType<string>());
        lock (_gate)
        {
            _allOpen = allOpen ? issues : null;
            _observed.Clear();
            _ledger = null;
            _context = _context.WithReports(reports) with { Spend = null, SpendUnknown = true, Pass = pass, LeaseFor = leaseFor, EndedPasses = ended };
        }
    }

    /// <summary>Decides <paramref name="issue"/>, gathering the facts the decision asks for first.</summary>
    public async Task<IReadOnlyList<OpsAction>> DecideAsync(IssueSnapshot issue, CancellationToken ct) => (await DecideAtAsync(issue, null, ct)).Actions;

    /// <summary>
    /// Decides <paramref name="issue"/>, gathering the facts the decision asks for first; <paramref name="hold"/>: the fair
    /// share of the pass holds its new run back (<see cref="DecisionContext.Hold"/>), for this decision only.
    /// </summary>
    public async Task<IReadOnlyList<OpsAction>> DecideAsync(IssueSnapshot issue, DispatchHold? hold, CancellationToken ct) => (await DecideAtAsync(issue, hold, ct)).Actions;

    /// <summary>Decides <paramref name="issue"/> like <see cref="DecideAsync(IssueSnapshot, CancellationToken)"/>, with the time the decision was made at (what its due time is computed from).</summary>
    public Task<(IReadOnlyList<OpsAction> Actions, DateTimeOffset At)> DecideAtAsync(IssueSnapshot issue, CancellationToken ct) => DecideAtAsync(issue, null, ct);

    private async Task<(IReadOnlyList<OpsAction> Actions, DateTimeOffset At)> DecideAtAsync(IssueSnapshot issue, DispatchHold? hold, CancellationToken ct)
    {
        for (var round = 0; ; round++)
        {
            var now = clock.GetUtcNow();
            var actions = Decider.Decide(issue, policies, now, hold is null ? Current : Current with { Hold = hold });
            if (actions is not [GatherFacts needs] || round == MaxRounds)
            {
                return (actions, now);
            }

            await GatherAsync(needs, ct);
        }
    }

    /// <summary>A fresh snapshot the pass just read (a run recorded its result): its costs count at once.</summary>
    public void Observe(IssueSnapshot fresh)
    {
        lock (_gate)
        {
            _observed[fresh.Number] = fresh;
            _context = _context.Observe(fresh, policies.Identity);
        }
    }

    private async Task GatherAsync(GatherFacts needs, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var permissions = await Task.WhenAll(needs.Logins.Select(login => LookUp(login, ct)));
        var teams = needs.Teams ? await TeamsAsync(ct) : null;
        var ledger = needs.SpendToday ? await LedgerAsync(now, ct) : null;
        lock (_gate)
        {
            _context = _context.WithPermissions(needs.Logins.Zip(permissions, KeyValuePair.Create));
            _context = teams is null || _context.Teams is not null ? _context : _context.WithTeams(teams);
            if (ledger is not null && !_context.KnowsSpend(now))
            {
                // Runs settled since the listing count with their latest snapshot.
                var latest = ledger.Where(i => !_observed.ContainsKey(i.Number)).Concat(_observed.Values);
                _context = _context.WithSpend(latest, policies.Identity, now);
            }
        }
    }

    private Task<RepositoryPermission> LookUp(string login, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_permissions.TryGetValue(login, out var lookup) || Failed(lookup))
            {
                lookup = store.GetPermissionAsync(login, ct);
                _permissions[login] = lookup;
            }

            return lookup;
        }
    }

    private Task<Dictionary<string, IReadOnlyList<string>>> TeamsAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _teams = _teams is null || Failed(_teams) ? ReadTeamsAsync(ct) : _teams;
        }
    }

    private Task<List<IssueSnapshot>> LedgerAsync(DateTimeOffset now, CancellationToken ct)
    {
        lock (_gate)
        {
            var day = SpendLedger.Day(now);
            if (_ledger is null || Failed(_ledger) || _ledgerDay != day)
            {
                _ledgerDay = day;
                _ledger = ReadLedgerAsync(_allOpen, now, ct);
            }

            return _ledger;
        }
    }

    // Only a marker with a lease is worth parsing again (an idle pass reads thousands of issues).
    private static bool MayHoldLease(IssueSnapshot issue) => issue.Comments.Any(c => c.Body.Contains("\"lease\":{", StringComparison.Ordinal));

    // A lookup that failed (rate limit, network) is asked again by the next decision that needs it, not cached.
    private static bool Failed(Task task) => task.IsFaulted || task.IsCanceled;

    /// <summary>Every issue with an execution today: the open issues in hand and those closed today, else all updated today.</summary>
    private async Task<List<IssueSnapshot>> ReadLedgerAsync(IReadOnlyList<IssueSnapshot>? open, DateTimeOffset now, CancellationToken ct)
    {
        if (open is null)
        {
            return [.. await store.ListIssuesAsync(DecisionContext.SpendQuery(now), ct)];
        }

        var closed = await store.ListIssuesAsync(DecisionContext.SpendQuery(now, IssueStateFilter.Closed), ct);
        return [.. open, .. closed];
    }

    /// <summary>Members of the approval roles' <c>org/team</c> entries; an empty map where the store cannot read teams.</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> ReadTeamsAsync(CancellationToken ct)
    {
        var teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (teamDirectory is null)
        {
            return teams;
        }

        foreach (var team in policies.Approvals.Roles.Values.SelectMany(r => r).Where(e => e.Contains('/', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await teamDirectory.GetTeamMembersAsync(team, ct) is { } members)
            {
                teams[team] = members;
            }
        }

        return teams;
    }
}
