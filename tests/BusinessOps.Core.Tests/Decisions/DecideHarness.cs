using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>
/// Drives Decide over a real (in-memory) store with a fake clock, with its facts built the one way every path builds them:
/// <see cref="DecisionContext.For"/>, then what the decision asks for (<see cref="GatherFacts"/>) gathered from the store —
/// permissions once per harness (a run), teams, and today's spend ledger from <see cref="DecisionContext.SpendQuery"/>. A
/// dispatch is started the way the local shell starts one (queued → in progress) unless <see cref="StartRuns"/> is off.
/// The coordinator's own shell is tested over the same store in <c>BusinessOps.Coordinator.Tests/Reconcile</c>.
/// </summary>
internal sealed class DecideHarness
{
    private readonly Dictionary<string, RepositoryPermission> _permissions = new(StringComparer.OrdinalIgnoreCase);

    public DecideHarness(PolicySet? policies = null, string executor = "local")
    {
        Clock = new FakeTimeProvider(Some.Epoch);
        Store = new InMemoryIssueStore(Clock);
        Policies = policies ?? PolicySet.Default;
        Executor = executor;
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryIssueStore Store { get; }

    public PolicySet Policies { get; set; }

    /// <summary>The executor's name (<c>local</c>, <c>lambda</c>, <c>batch</c>, <c>aws</c>); anything but local dispatches immediately.</summary>
    public string Executor { get; }

    /// <summary>What the executor reports about cloud runs this pass.</summary>
    public List<DispatchReport> Reports { get; } = [];

    /// <summary>Members of approval teams the store's token can read (null: the store cannot read teams).</summary>
    public Dictionary<string, IReadOnlyList<string>>? Teams { get; set; }

    /// <summary>Local runs: mark each dispatch in progress as the shell does right before the agent starts.</summary>
    public bool StartRuns { get; set; } = true;

    public List<DispatchAgent> Dispatched { get; } = [];

    /// <summary>Permission lookups the shell had to make.</summary>
    public int Lookups { get; private set; }

    /// <summary>How many times the spend ledger was read.</summary>
    public int LedgerReads { get; private set; }

    public async Task<int> FileAsync(string title, string body, params string[] labels)
    {
        Store.Actor = "dana";
        var issue = await Store.CreateIssueAsync(new NewIssue(title, body, labels), CancellationToken.None);
        Store.Actor = Store.Identity;
        return issue.Number;
    }

    public async Task<IssueSnapshot> IssueAsync(int number) => (await Store.GetIssueAsync(number, CancellationToken.None))!;

    /// <summary>What Decide answers now, with the facts it asks for gathered; nothing is applied.</summary>
    public async Task<IReadOnlyList<OpsAction>> DecideAsync(int number)
    {
        var issue = await IssueAsync(number);
        var context = DecisionContext.For(Executor, Executor != "local").WithReports(Reports).WithPermissions(_permissions);
        for (var round = 0; ; round++)
        {
            var actions = Decider.Decide(issue, Policies, Clock.GetUtcNow(), context);
            if (actions is not [GatherFacts needs] || round == 4)
            {
                return actions;
            }

            context = await GatherAsync(context, needs);
        }
    }

    /// <summary>One shell step: decide and apply; returns the actions.</summary>
    public async Task<IReadOnlyList<OpsAction>> PassAsync(int number)
    {
        var actions = await DecideAsync(number);
        foreach (var action in actions)
        {
            switch (action)
            {
                case ChangeLabels l:
                    await Store.UpdateLabelsAsync(number, l.Add, l.Remove, CancellationToken.None);
                    break;
                case UpsertStatusComment s when s.CommentId is { } id:
                    await Store.UpdateCommentAsync(number, id, s.Body, CancellationToken.None);
                    break;
                case UpsertStatusComment s:
                    await Store.AddCommentAsync(number, s.Body, CancellationToken.None);
                    break;
                case PostComment c:
                    await Store.AddCommentAsync(number, c.Body, CancellationToken.None);
                    break;
                case React r:
                    await Store.AddReactionAsync(number, r.CommentId, r.Reaction, CancellationToken.None);
                    break;
                case DispatchAgent d:
                    Dispatched.Add(d);
                    await StartAsync(number);
                    break;
            }
        }

        return actions;
    }

    /// <summary>What an agent writes back: its result comment with the hidden record (and the effects it proposes), as the store identity.</summary>
    public void AgentResult(int number, string key, AgentOutcome outcome, decimal cost = 0.01m, bool permanent = false, string summary = "did the work", string agent = "ai-qa-agent", Classification? classification = null, double confidence = 0.9, string? planHash = null, IReadOnlyList<Effect>? effects = null)
    {
        var record = new ResultRecord(key, agent, outcome, confidence, cost, classification ?? Classification.Routine, permanent, outcome == AgentOutcome.Failed ? summary : null, summary, planHash, Effects: effects);
        Store.AddCommentAs(number, Store.Identity, $"**{agent}**: {summary}\n\n{Markers.Format(record)}", isBot: true);
    }

    /// <summary>A person comments (after the clock moves a little, as people do).</summary>
    public IssueComment Say(int number, string author, string body)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return Store.AddCommentAs(number, author, body);
    }

    public async Task<OpsState> StateAsync(int number) => IssueStateReader.Read(await IssueAsync(number), Policies with { Identity = Store.Identity }).State;

    private async Task<DecisionContext> GatherAsync(DecisionContext context, GatherFacts needs)
    {
        foreach (var login in needs.Logins.Where(l => !_permissions.ContainsKey(l)))
        {
            _permissions[login] = await Store.GetPermissionAsync(login, CancellationToken.None);
            Lookups++;
        }

        context = context.WithPermissions(_permissions);
        if (needs.Teams)
        {
            context = context.WithTeams(Teams ?? []);
        }

        if (needs.SpendToday)
        {
            var now = Clock.GetUtcNow();
            LedgerReads++;
            context = context.WithSpend(await Store.ListIssuesAsync(DecisionContext.SpendQuery(now), CancellationToken.None), Store.Identity, now);
        }

        return context;
    }

    private async Task StartAsync(int number)
    {
        if (!StartRuns || Executor != "local")
        {
            return;
        }

        var issue = await IssueAsync(number);
        await Store.UpdateLabelsAsync(number, [LabelNames.For(IssueStatus.InProgress)], [LabelNames.For(IssueStatus.Queued)], CancellationToken.None);
        var (id, body, _) = IssueStateReader.Amend(issue, Policies with { Identity = Store.Identity }, s => s with { Status = IssueStatus.InProgress });
        await Store.UpdateCommentAsync(number, id!.Value, body, CancellationToken.None);
    }
}
