using BenchmarkDotNet.Attributes;
using BusinessOps.Core.Comments;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Benchmarks;

/// <summary>
/// What the business's wording costs where the coordinator writes notes and result comments: a pass over an issue
/// without a routing label (the <c>routing-no-label</c> note and the status comment) and the result comment of a
/// finance plan (outputs table, plan, effects, classification), each in the built-in text or the shipped templates.
/// </summary>
[MemoryDiagnoser]
public class CommentWordingBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private PolicySet _policies = PolicySet.Default;
    private ICommentWording _wording = BuiltInWording.Instance;
    private DecisionContext _context = null!;
    private IssueSnapshot _unroutable = null!;
    private AgentResult _result = null!;

    /// <summary>True: <c>policies/templates/coordinator/*.sbn</c> rendered by Scriban; false: the built-in text.</summary>
    [Params(false, true)]
    public bool ShippedWording { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _policies = ShippedWording ? PolicySet.Default with { Wording = Policies.PolicyLoader.Load(Path.Combine(RepositoryRoot(), "policies")).Policies!.Wording } : PolicySet.Default;
        _wording = _policies.Wording;
        _context = DecisionContext.For("local", dispatchImmediately: true).WithSpend([], _policies.Identity, Now);
        _unroutable = new IssueSnapshot(9, "Something odd", "What is this?", IssueState.Open, [], "dana", Now.AddMinutes(-5), Now.AddMinutes(-5), []);
        var payment = new Core.Effects.PaymentInstruction("Initech", 3000m, "USD", new DateOnly(2026, 12, 31), "INV-7").ToEffect();
        _result = new AgentResult
        {
            Agent = "ai-finance-agent",
            Issue = 9,
            Key = "octo/shop#9/a1/plan",
            Outcome = AgentOutcome.NeedsApproval,
            Summary = "Invoice INV-7 from Initech: $3,000.00 due 2026-12-31.",
            Plan = "## Pay\n\n- Validate the totals\n- Schedule the payment",
            Outputs = new() { ["vendor"] = "Initech", ["total"] = 3000, ["currency"] = "USD", ["due"] = "2026-12-31" },
            Effects = [payment],
            Actions = ["Pay INV-7"],
            Classification = new Classification(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m),
            CostUsd = 0.0125m,
            Confidence = 0.9,
        };
    }

    [Benchmark]
    public int UnroutableIssue() => Decider.Decide(_unroutable, _policies, Now, _context).Count;

    [Benchmark]
    public int ResultCommentOfAPlan() => ResultComment.Render(_result, _wording).Length;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
