using System.Diagnostics;
using BusinessOps.Agents.Samples;
using BusinessOps.Connectors;
using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;
using BusinessOps.Policies;
using BusinessOps.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Coordinator.Tests.Storms;

/// <summary>
/// Thousands of issues through the real shell on the local SQLite store, with the fourteen real agents in process and a
/// clock that moves as long as each run takes for real: the demo's samples filed over and over, a cold pass, then passes
/// until nothing changes — the pass after a long cold pass crosses every waiting plan's approval timeout at once — then
/// an idle pass over the converged store, a policy edit that renames who approves, and idle again. Shared by the xunit
/// tests (bounds asserted) and <c>bench … scenarios storms</c> (figures printed).
/// </summary>
public sealed class StormScenario : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bo-storms-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock;
    private readonly SqliteIssueStore _store;
    private readonly WriteTally _tally;
    private readonly InProcessAgents _agents;
    private readonly ConnectorSet _connectors;
    private readonly TimeSpan _runTime;

    /// <param name="runTime">Clock time per agent run (on this machine a local run costs 0.25–0.4 s).</param>
    /// <param name="start">When the issues are filed (default: a Monday 09:00 UTC).</param>
    public StormScenario(TimeSpan runTime, DateTimeOffset? start = null)
        : this(runTime, start, copyOf: null)
    {
    }

    private StormScenario(TimeSpan runTime, DateTimeOffset? start, string? copyOf)
    {
        _runTime = runTime;
        _clock = new FakeTimeProvider(start ?? Some.Epoch);
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "ops.db");
        if (copyOf is not null)
        {
            // A consistent copy of the other store as it stands (its last write in the -wal file included).
            using var source = new SqliteConnection("Data Source=" + copyOf);
            source.Open();
            using var copy = source.CreateCommand();
            copy.CommandText = "VACUUM INTO $path;";
            copy.Parameters.AddWithValue("$path", path);
            copy.ExecuteNonQuery();
        }

        _store = SqliteIssueStore.Open(path, BotIdentity.Login, _clock);
        _tally = new WriteTally(_store);
        _agents = new InProcessAgents(_clock, runTime);

        // The connectors `run` has on the local store: approved plans' github.* effects through the store itself.
        _connectors = ConnectorSet.Create(Policies.Connectors, new ConnectorOptions(_ => null, _clock, LocalExecutor: true, new StoreEffectConnector(_tally)));
    }

    /// <summary>The policies of the passes (the embedded defaults, as <c>run</c> uses with no policy folder); a test edits them between passes.</summary>
    public PolicySet Policies { get; set; } = PolicyLoader.LoadFromStrings(new Dictionary<string, string>()).Policies!;

    public FakeTimeProvider Clock => _clock;

    public SqliteIssueStore Store => _store;

    /// <summary>The issues the last pass wrote to, by number (what a storm was made of, for a failing test's message).</summary>
    public IReadOnlyCollection<int> LastWritten => _tally.Written;

    /// <summary>
    /// A second scenario on a copy of this one's store, its clock at this one's time, the same policies: what another pass
    /// would do from exactly here (the incremental pass's tests run a full pass on it).
    /// </summary>
    public StormScenario Fork() => new(_runTime, _clock.GetUtcNow(), _store.Location) { Policies = Policies };

    /// <summary>A person's action on the store as <paramref name="login"/> (a comment, a label), at the scenario's time.</summary>
    public async Task ActAsync(string login, Func<SqliteIssueStore, Task> act)
    {
        ArgumentNullException.ThrowIfNull(act);
        using var person = SqliteIssueStore.Open(_store.Location, login, _clock);
        await act(person);
    }

    /// <summary>Files <paramref name="count"/> issues: the demo's samples in turn (from the <paramref name="skip"/>th), each title numbered; every approver in policy gets write permission.</summary>
    public async Task FileAsync(int count, CancellationToken ct, int skip = 0)
    {
        foreach (var login in Policies.Approvals.Roles.Values.SelectMany(r => r).Where(l => !l.Contains('/', StringComparison.Ordinal)).Append("olivia").Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await _store.SetPermissionAsync(login, RepositoryPermission.Write, ct);
        }

        // Samples that converge: a sample meant to fail (a failed quality gate) is retried by design, which is not a storm.
        var samples = SampleIssues.Build(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)).Where(s => !s.ExpectFailure).ToList();
        var issues = Enumerable.Range(0, count).Select(i => samples[(i + skip) % samples.Count]).Select((s, i) => new ImportedIssue($"{s.Title} ({i + 1})", s.Body, s.Labels, "dana")).ToList();
        foreach (var chunk in issues.Chunk(1000))
        {
            await _store.CreateIssuesAsync(chunk, ct);
        }
    }

    /// <summary>
    /// One <c>run --once</c>, measured: incremental where the store's pass index allows (what changed or is due), every open
    /// issue when <paramref name="full"/> (<c>run --full</c>, and every pass before the index).
    /// </summary>
    public async Task<StormPass> PassAsync(string name, CancellationToken ct, bool full = false)
    {
        var options = new ReconcileOptions(2, DryRun: false, DispatchImmediately: false) { Full = full };
        var reconciler = new Reconciler(_tally, _agents, Policies, _clock, options, Log.Quiet, effects: _connectors.Router);
        _tally.Reset();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var runs = _agents.Runs;
        using var sampler = new WorkingSetSampler();
        var wall = Stopwatch.StartNew();
        var result = await reconciler.RunOnceAsync(ct);
        wall.Stop();
        var peak = sampler.Stop();
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
        var waiting = (await _store.ListIssuesAsync(IssueQuery.Open, ct)).Count(i => i.HasLabel(LabelNames.For(IssueStatus.AwaitingApproval)));
        return new StormPass(
            name,
            _tally.Writes,
            _tally.ByKind,
            _tally.IssuesWritten,
            _tally.MostOnOneIssue,
            _agents.Runs - runs,
            wall.Elapsed.TotalSeconds,
            allocatedMb,
            peak / 1048576.0,
            waiting,
            result.Examined);
    }

    /// <summary>
    /// The whole storm: file, a cold pass, passes every <paramref name="interval"/> (as a cron would run them) until one
    /// writes nothing (at most <paramref name="maxSettle"/>), then passes every <paramref name="interval"/> for
    /// <paramref name="idleFor"/> (thresholds keep being crossed: approval timeouts, SLAs), a policy edit (the finance
    /// manager's tier goes to the CFO) and the pass after it.
    /// </summary>
    public async Task<IReadOnlyList<StormPass>> RunAsync(int issues, int maxSettle, TimeSpan interval, TimeSpan idleFor, Action<StormPass>? progress, CancellationToken ct)
    {
        await FileAsync(issues, ct);
        var passes = new List<StormPass>();
        async Task<StormPass> Pass(string name)
        {
            var pass = await PassAsync(name, ct);
            passes.Add(pass);
            progress?.Invoke(pass);
            return pass;
        }

        var start = _clock.GetUtcNow();
        await Pass("cold");
        for (var i = 1; i <= maxSettle; i++)
        {
            _clock.Advance(interval);
            if ((await Pass(i == 1 ? "second" : "settle " + i)).Writes == 0)
            {
                break;
            }
        }

        for (var idle = _clock.GetUtcNow() + idleFor; _clock.GetUtcNow() < idle;)
        {
            _clock.Advance(interval);
            await Pass($"idle, +{(_clock.GetUtcNow() - start).TotalHours:0.0} h");
        }

        Policies = Policies with { Approvals = Policies.Approvals with { FinancialTiers = [.. Policies.Approvals.FinancialTiers.Select(t => t.Role == "finance-manager" ? t with { Role = "cfo" } : t)] } };
        await Pass("policy edit");
        await Pass("idle after the edit");
        return passes;
    }

    public void Dispose()
    {
        _connectors.Dispose();
        _store.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
