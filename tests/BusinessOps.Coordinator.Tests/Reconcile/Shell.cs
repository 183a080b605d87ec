using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// The real shell (<see cref="Reconciler"/>) over the in-memory store with a <see cref="ScriptedExecutor"/> and a fake clock:
/// file issues as a person would, run passes, and read back what the status comment says.
/// </summary>
internal sealed class Shell
{
    public Shell(PolicySet? policies = null, string executor = "local")
    {
        Store = new InMemoryIssueStore(Clock);
        Executor = new ScriptedExecutor(executor);
        Policies = policies ?? PolicySet.Default;
        foreach (var login in new[] { "fiona", "carla", "casey", "hana", "ceo", "olivia", "bob", "beatrice" })
        {
            Store.SetPermission(login, RepositoryPermission.Write);
        }
    }

    public FakeTimeProvider Clock { get; } = new(Some.Epoch);

    public InMemoryIssueStore Store { get; }

    public ScriptedExecutor Executor { get; }

    public PolicySet Policies { get; set; }

    public StringWriter DryRunOutput { get; } = new();

    public async Task<int> FileAsync(string title, string body, params string[] labels)
    {
        Store.Actor = "dana";
        var issue = await Store.CreateIssueAsync(new NewIssue(title, body, labels), CancellationToken.None);
        Store.Actor = Store.Identity;
        return issue.Number;
    }

    public Reconciler Reconciler(bool dryRun = false, IIssueStore? store = null) =>
        new(store ?? Store, Executor, Policies, Clock, new ReconcileOptions(1, dryRun, DispatchImmediately: Executor.Name != "local"), Log.Quiet, DryRunOutput);

    /// <summary><c>run --once</c>: every open issue.</summary>
    public Task<PassResult> PassAsync(CancellationToken ct = default) => Reconciler().RunOnceAsync(ct);

    /// <summary><c>run --event</c>: the one issue of a webhook payload.</summary>
    public async Task<PassResult> EventAsync(int number, bool dryRun = false) =>
        await Reconciler(dryRun).ReconcileAsync([await IssueAsync(number)], CancellationToken.None);

    public async Task<IssueSnapshot> IssueAsync(int number) => (await Store.GetIssueAsync(number, CancellationToken.None))!;

    public async Task<OpsState> StateAsync(int number) => IssueStateReader.Read(await IssueAsync(number), Store.Identity).State;

    public async Task<string> StatusCommentAsync(int number) =>
        (await IssueAsync(number)).Comments.First(c => c.Author == Store.Identity && c.Body.Contains("businessops:state", StringComparison.Ordinal)).Body;

    /// <summary>A person comments, a little later (as people do).</summary>
    public IssueComment Say(int number, string author, string body)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return Store.AddCommentAs(number, author, body);
    }
}
