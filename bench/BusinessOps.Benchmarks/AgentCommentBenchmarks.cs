using BenchmarkDotNet.Attributes;
using BusinessOps.Agents.Development;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Benchmarks;

/// <summary>
/// An agent's whole run on its first demo input (form parsing, the work, the comment), with the built-in comment template
/// or the shipped <c>policies/templates/&lt;agent&gt;.sbn</c>: what rendering the comment from a template costs a run.
/// Templates are parsed once per process, so this measures rendering, not parsing.
/// </summary>
[MemoryDiagnoser]
public class AgentCommentBenchmarks
{
    private static readonly DateTimeOffset Filed = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private IssueSnapshot _qa = null!;
    private IssueSnapshot _developer = null!;
    private DispatchContext? _qaContext;
    private DispatchContext? _developerContext;

    [Params(false, true)]
    public bool ShippedTemplate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var samples = SampleIssues.Build(new DateOnly(2026, 11, 2));
        _qa = Issue(samples.First(s => s.Agent == AgentNames.Qa).Body);
        _developer = Issue(samples.First(s => s.Agent == AgentNames.Developer).Body);
        _qaContext = ShippedTemplate ? Shipped("qa") : null;
        _developerContext = ShippedTemplate ? Shipped("developer") : null;
    }

    [Benchmark]
    public async Task<int> Qa() => (await AgentHost.ProcessAsync(new QaAgent(), _qa, "local/ops#7/a1/plan", "plan", _qaContext, CancellationToken.None)).Result.Plan!.Length;

    [Benchmark]
    public async Task<int> Developer() => (await AgentHost.ProcessAsync(new DeveloperAgent(), _developer, "local/ops#7/a1/plan", "plan", _developerContext, CancellationToken.None)).Result.Plan!.Length;

    private static IssueSnapshot Issue(string body) => new(7, "Bench", body, IssueState.Open, [], "dana", Filed, Filed, []);

    private static DispatchContext Shipped(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        var file = "templates/" + name + ".sbn";
        return new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate(file, File.ReadAllText(Path.Combine(dir.FullName, "policies", file))) } };
    }
}
