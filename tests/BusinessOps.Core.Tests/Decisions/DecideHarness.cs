using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>
/// Drives Decide the way the shell does — decide, apply through a real (in-memory) store, re-read — so tests
/// can assert on labels, comments and the zero-writes property, with a fake clock.
/// </summary>
internal sealed class DecideHarness
{
    public DecideHarness(PolicySet? policies = null)
    {
        Clock = new FakeClock(Some.Epoch);
        Store = new InMemoryIssueStore(Clock);
        Policies = policies ?? PolicySet.Default;
    }

    public FakeClock Clock { get; }

    public InMemoryIssueStore Store { get; }

    public PolicySet Policies { get; set; }

    public DecisionContext Context { get; set; } = DecisionContext.Empty;

    public List<DispatchAgent> Dispatched { get; } = [];

    /// <summary>Permission lookups the shell had to make.</summary>
    public int Lookups { get; private set; }

    public async Task<int> FileAsync(string title, string body, params string[] labels)
    {
        Store.Actor = "dana";
        var issue = await Store.CreateIssueAsync(new NewIssue(title, body, labels), CancellationToken.None);
        Store.Actor = Store.Identity;
        return issue.Number;
    }

    public async Task<IssueSnapshot> IssueAsync(int number) => (await Store.GetIssueAsync(number, CancellationToken.None))!;

    public async Task<IReadOnlyList<OpsAction>> DecideAsync(int number) =>
        Decider.Decide(await IssueAsync(number), Policies, Clock.GetUtcNow(), Context);

    /// <summary>One shell step: decide and apply; returns the actions.</summary>
    public async Task<IReadOnlyList<OpsAction>> PassAsync(int number)
    {
        var actions = await DecideAsync(number);
        if (actions is [LookupPermissions lookup])
        {
            // What the shell does: look the logins up (once per run) and decide again.
            var known = new Dictionary<string, RepositoryPermission>(Context.Permissions, StringComparer.OrdinalIgnoreCase);
            foreach (var login in lookup.Logins)
            {
                known[login] = await Store.GetPermissionAsync(login, CancellationToken.None);
                Lookups++;
            }

            Context = Context with { Permissions = known };
            actions = await DecideAsync(number);
        }

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
                    break;
            }
        }

        return actions;
    }

    /// <summary>What an agent writes back: its result comment with the hidden record, as the store identity.</summary>
    public void AgentResult(int number, string key, AgentOutcome outcome, decimal cost = 0.01m, bool permanent = false, string summary = "did the work", string agent = "ai-qa-agent", Classification? classification = null, double confidence = 0.9, string? planHash = null)
    {
        var record = new ResultRecord(key, agent, outcome, confidence, cost, classification ?? Classification.Routine, permanent, outcome == AgentOutcome.Failed ? summary : null, summary, planHash);
        Store.AddCommentAs(number, Store.Identity, $"**{agent}**: {summary}\n\n{Markers.Format(record)}", isBot: true);
    }

    /// <summary>A person comments (after the clock moves a little, as people do).</summary>
    public IssueComment Say(int number, string author, string body)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return Store.AddCommentAs(number, author, body);
    }

    public async Task<OpsState> StateAsync(int number) => IssueStateReader.Read(await IssueAsync(number), Store.Identity).State;
}
