using BenchmarkDotNet.Attributes;
using BusinessOps.Coordinator.Reconcile.FairShare;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Benchmarks;

/// <summary>
/// What the fair share between clients costs a pass with 10,000 queued issues (issue 12): 20 clients, one with a burst of
/// half the queue, half of them with a <c>maxConcurrent</c> of 50, P1–P3 mixed, a budget of 500 new runs per pass.
/// <c>Decide…</c>: the pass's decisions as the shell makes them — without the fair share (priority order, every run goes), and
/// with it (in-flight count, selection, the admitted decided again before their intent is written, the held decided again
/// with their hold). <c>Order…</c>: the ordering
/// alone (priority sort vs the selection). Decisions per second = 10,000 / the mean.
/// </summary>
[MemoryDiagnoser]
public class FairShareBenchmarks
{
    private const int Queued = 10_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private PolicySet _policies = null!;
    private DecisionContext _context = null!;
    private List<IssueSnapshot> _issues = null!;
    private List<FairShareEntry> _entries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clients = Enumerable.Range(0, 20).Select(c => new ClientProfile("client" + c) { Name = "Client " + c, MaxConcurrent = c % 2 == 0 ? 50 : null, Share = c % 5 == 0 ? 2 : 1 });
        _policies = PolicySet.Default with
        {
            Clients = clients.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase),
            Dispatch = DispatchPolicy.Default with { PerPass = 500 },
        };
        _context = DecisionContext.For("aws", dispatchImmediately: true).WithSpend([], _policies.Identity, Now);
        var filed = Now.AddHours(-1);
        _issues = [.. Enumerable.Range(1, Queued).Select(n =>
        {
            var client = n % 2 == 0 ? 0 : 1 + (n % 19);
            string[] labels = ["support/technical", "priority/P" + (1 + (n % 3)), "client/client" + client];
            return new IssueSnapshot(n, "Customer cannot log in", "Login fails since this morning.", IssueState.Open, labels, "dana", filed, filed, []);
        })];
        _entries = [.. _issues.Select((i, n) => new FairShareEntry(n, Priority.P1 + (i.Number % 3), ClientsInFlight.ClientOf(i)))];
    }

    [Benchmark(Baseline = true)]
    public int DecideWithoutFairShare()
    {
        var started = 0;
        foreach (var issue in _issues.OrderBy(i => i.Number % 3).ThenBy(i => i.Number))
        {
            started += Decider.Decide(issue, _policies, Now, _context).OfType<DispatchAgent>().Any() ? 1 : 0;
        }

        return started;
    }

    [Benchmark]
    public int DecideWithFairShare()
    {
        var candidates = new List<(IssueSnapshot Issue, DispatchAgent Dispatch)>();
        foreach (var issue in _issues.OrderBy(i => i.Number % 3).ThenBy(i => i.Number))
        {
            if (Decider.Decide(issue, _policies, Now, _context).OfType<DispatchAgent>().FirstOrDefault() is { } d)
            {
                candidates.Add((issue, d));
            }
        }

        var inFlight = ClientsInFlight.Count(_issues, _policies);
        var entries = candidates.Select((c, i) => new FairShareEntry(i, c.Dispatch.Priority, c.Dispatch.Tenant)).ToList();
        var selection = FairShareSelector.Select(entries, inFlight, _policies.Clients, _policies.Dispatch.PerPass);
        foreach (var index in selection.Admitted)
        {
            // A cloud intent is decided again right before it is written (its lease runs from then).
            _ = Decider.Decide(candidates[index].Issue, _policies, Now, _context);
        }

        foreach (var (index, hold) in selection.Held)
        {
            _ = Decider.Decide(candidates[index].Issue, _policies, Now, _context with { Hold = hold });
        }

        return selection.Admitted.Count;
    }

    [Benchmark]
    public int OrderWithoutFairShare() => _entries.OrderBy(e => e.Priority).ThenBy(e => e.Index).ToList()[^1].Index;

    [Benchmark]
    public int OrderWithFairShare() => FairShareSelector.Select(_entries, new Dictionary<string, int>(), _policies.Clients, _policies.Dispatch.PerPass).Admitted.Count;
}
