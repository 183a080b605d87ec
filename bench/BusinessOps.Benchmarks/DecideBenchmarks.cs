using BenchmarkDotNet.Attributes;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Benchmarks;

/// <summary>
/// Throughput of the pure core. Target: ≥ 200,000 decisions per second on one core, i.e. ≤ 5 µs per decision.
/// Three shapes: a brand-new issue, an idle issue waiting for its agent, a finished issue with a long thread.
/// </summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly PolicySet _policies = PolicySet.Default;
    private IssueSnapshot _new = null!;
    private IssueSnapshot _inFlight = null!;
    private IssueSnapshot _doneLongThread = null!;

    [GlobalSetup]
    public void Setup()
    {
        var filed = Now.AddHours(-1);
        _new = new IssueSnapshot(7, "Score the Globex lead", Body(), IssueState.Open, ["sales/lead", "priority/P1", "client/globex"], "dana", filed, filed, []);
        var first = Decider.Decide(_new, _policies, filed);
        var status = (UpsertStatusComment)first.First(a => a is UpsertStatusComment);
        var labels = (ChangeLabels)first.First(a => a is ChangeLabels);
        var statusComment = new IssueComment(1, _policies.Identity, status.Body, filed, filed, true);
        _inFlight = _new with { Labels = [.. _new.Labels, .. labels.Add], Comments = [statusComment] };
        var thread = new List<IssueComment> { statusComment };
        for (var i = 0; i < 20; i++)
        {
            thread.Add(new IssueComment(10 + i, "dana", $"Any news on this one? Ping {i}", filed.AddMinutes(i), filed.AddMinutes(i)));
        }

        var record = new ResultRecord(status.State.Key!, "ai-sales-agent", AgentOutcome.Completed, 0.9, 0.0031m, Classification.Routine, Summary: "Lead score 82 (A)");
        thread.Add(new IssueComment(99, _policies.Identity, "**ai-sales-agent** done\n\n" + Markers.Format(record), filed.AddMinutes(30), filed.AddMinutes(30), true));
        var settled = Decider.Decide(_inFlight with { Comments = thread }, _policies, Now);
        var settledStatus = (UpsertStatusComment)settled.First(a => a is UpsertStatusComment);
        thread[0] = statusComment with { Body = settledStatus.Body };
        _doneLongThread = _inFlight with { Labels = ["sales/lead", "priority/P1", "client/globex", "status/done"], Comments = thread };
    }

    [Benchmark]
    public int NewIssue() => Decider.Decide(_new, _policies, Now).Count;

    [Benchmark]
    public int InFlightIdle() => Decider.Decide(_inFlight, _policies, Now).Count;

    [Benchmark]
    public int DoneWithLongThread() => Decider.Decide(_doneLongThread, _policies, Now).Count;

    private static string Body() => "### Company\n\nGlobex\n\n### Budget\n\n48000\n\n### Authority\n\ndecision-maker\n\n### Need\n\nhigh\n\n### Timing\n\nthis-quarter";
}
