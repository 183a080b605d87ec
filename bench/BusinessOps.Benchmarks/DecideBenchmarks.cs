using BenchmarkDotNet.Attributes;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Benchmarks;

/// <summary>
/// Throughput of the pure core. Target: ≥ 200,000 decisions per second on one core, i.e. ≤ 5 µs per decision.
/// Four shapes, with the facts the shell gathers (the AWS executor, today's ledger read): a brand-new issue, an idle
/// issue waiting for its cloud agent, a finished issue with a long thread, and a plan waiting for approval (the
/// approval re-derived from the comments).
/// </summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Labels = ["sales/lead", "priority/P1", "client/globex"];
    private PolicySet _policies = PolicySet.Default;
    private DecisionContext _context = null!;
    private IssueSnapshot _new = null!;
    private IssueSnapshot _inFlight = null!;
    private IssueSnapshot _doneLongThread = null!;
    private IssueSnapshot _awaitingApproval = null!;

    /// <summary>True: the coordinator's comments in the shipped wording (<c>policies/templates/coordinator/*.sbn</c>, Scriban); false: the built-in text.</summary>
    [Params(false, true)]
    public bool ShippedWording { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _policies = ShippedWording ? PolicySet.Default with { Wording = Policies.PolicyLoader.Load(Path.Combine(RepositoryRoot(), "policies")).Policies!.Wording } : PolicySet.Default;
        _context = DecisionContext.For("aws", dispatchImmediately: true).WithSpend([], _policies.Identity, Now);
        var filed = Now.AddHours(-1);
        _new = new IssueSnapshot(7, "Score the Globex lead", Body(), IssueState.Open, Labels, "dana", filed, filed, []);
        var first = Decider.Decide(_new, _policies, filed, _context);
        var status = (UpsertStatusComment)first.First(a => a is UpsertStatusComment);
        var labels = (ChangeLabels)first.First(a => a is ChangeLabels);
        var statusComment = new IssueComment(1, _policies.Identity, status.Body, filed, filed, true);
        _inFlight = _new with { Labels = [.. _new.Labels, .. labels.Add], Comments = [statusComment] };
        _doneLongThread = Settled(status.State.Key!, statusComment, AgentOutcome.Completed, "status/done");
        _awaitingApproval = Settled(status.State.Key!, statusComment, AgentOutcome.NeedsApproval, "status/awaiting-approval");
    }

    [Benchmark]
    public int NewIssue() => Decider.Decide(_new, _policies, Now, _context).Count;

    [Benchmark]
    public int InFlightIdle() => Decider.Decide(_inFlight, _policies, Now, _context).Count;

    [Benchmark]
    public int DoneWithLongThread() => Decider.Decide(_doneLongThread, _policies, Now, _context).Count;

    [Benchmark]
    public int AwaitingApproval() => Decider.Decide(_awaitingApproval, _policies, Now, _context).Count;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    private static string Body() => "### Company\n\nGlobex\n\n### Budget\n\n48000\n\n### Authority\n\ndecision-maker\n\n### Need\n\nhigh\n\n### Timing\n\nthis-quarter";

    /// <summary>The in-flight issue after 20 comments of chatter and the agent's result, its status comment as Decide left it.</summary>
    private IssueSnapshot Settled(string key, IssueComment statusComment, AgentOutcome outcome, string status)
    {
        var filed = Now.AddHours(-1);
        var thread = new List<IssueComment> { statusComment };
        for (var i = 0; i < 20; i++)
        {
            thread.Add(new IssueComment(10 + i, "dana", $"Any news on this one? Ping {i}", filed.AddMinutes(i), filed.AddMinutes(i)));
        }

        var record = new ResultRecord(key, "ai-sales-agent", outcome, 0.9, 0.0031m, Classification.Routine, Summary: "Lead score 82 (A)");
        thread.Add(new IssueComment(99, _policies.Identity, "**ai-sales-agent** done\n\n" + Markers.Format(record), filed.AddMinutes(30), filed.AddMinutes(30), true));
        var settled = Decider.Decide(_inFlight with { Comments = thread }, _policies, Now, _context);
        thread[0] = statusComment with { Body = ((UpsertStatusComment)settled.First(a => a is UpsertStatusComment)).Body };
        return _inFlight with { Labels = [.. Labels, status, "autonomy/L1"], Comments = thread };
    }
}
