using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.Reconcile;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Policies.Automation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// The real pass (<see cref="Reconciler"/> with its <see cref="AutomationStep"/>) over the in-memory store, a scripted
/// executor and a fake clock, with automation policies written as YAML: what <c>run --once</c> does, pass by pass.
/// </summary>
internal sealed class AutoShell
{
    public AutoShell(IReadOnlyDictionary<string, string> files, DateTimeOffset start)
    {
        var loaded = AutomationPolicyLoader.LoadFromStrings(files);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        Automation = loaded.Policies!;
        Inner = new Shell(Automation.HasTenants ? PolicySet.Default with { Clients = Automation.Clients.ForAgents() } : PolicySet.Default);
        Inner.Clock.SetUtcNow(start);
    }

    public AutomationPolicies Automation { get; }

    public Shell Inner { get; }

    public Core.Ports.IIssueStore Store => Inner.Store;

    public TestKit.InMemoryIssueStore Memory => Inner.Store;

    public FakeTimeProvider Clock => Inner.Clock;

    public ScriptedExecutor Executor => Inner.Executor;

    public AutomationStep Step(TextWriter? dryRun = null) => new(Automation, Clock, Log.Quiet, null, dryRun) { Approvals = Inner.Policies.Approvals };

    /// <summary>One <c>run --once</c>.</summary>
    public Task<PassResult> PassAsync() =>
        new Reconciler(Inner.Store, Executor, Inner.Policies, Clock, new ReconcileOptions(1, false, DispatchImmediately: false), Log.Quiet) { Automation = Step() }.RunOnceAsync(CancellationToken.None);

    public async Task<IReadOnlyList<IssueSnapshot>> AllAsync() => await Store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None);

    /// <summary>Every issue (open or closed) whose marker has <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<(IssueSnapshot Issue, AutomationKey Key)>> KeyedAsync(string kind) =>
        [.. (await AllAsync()).Select(i => (Issue: i, Ok: AutomationMarker.TryParse(i.Body, out var k), Key: k)).Where(x => x.Ok && x.Key.Kind == kind).Select(x => (x.Issue, x.Key))];

    /// <summary>An agent result with <paramref name="outputs"/>.</summary>
    public static AgentResult With(DispatchRequest r, string outputs, AgentOutcome outcome = AgentOutcome.Completed) =>
        Plans.Result(r, outcome, Classification.Routine, 0.01m) with { Outputs = JsonNode.Parse(outputs)!.AsObject() };
}
