using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Execution;

/// <summary>
/// Through the real reconcile shell: each agent is handed its context (client, policies, scoped digests) and the
/// coordinator writes the agent's full result itself, once per key.
/// </summary>
public sealed class CoordinatorOnlyWriterTests
{
    /// <summary>An executor that records what it was handed and answers like a well-behaved agent.</summary>
    private sealed class RecordingExecutor : IExecutor
    {
        public List<DispatchRequest> Requests { get; } = [];

        public string Name => "local";

        public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }

            var result = new AgentResult
            {
                Agent = request.Agent,
                Issue = request.Issue.Number,
                Key = request.Key,
                Outcome = AgentOutcome.Completed,
                Summary = "Checked @team ${{ secrets.X }} \u202Edone",
                Plan = "| a | b |\n|---|---|\n| 1 | 2 |",
                Classification = Classification.Routine,
                Confidence = 0.9,
                CostUsd = 0.002m,
            };
            return Task.FromResult(new DispatchOutcome(DispatchStatus.Completed, Name, Result: result));
        }

        public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DispatchReport>>([]);
    }

    private readonly InMemoryIssueStore _store = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
    private readonly RecordingExecutor _executor = new();

    private async Task<int> FileAsync(string title, params string[] labels)
    {
        _store.Actor = "dana";
        var issue = await _store.CreateIssueAsync(new NewIssue(title, "### Scope\n\nall", labels), CancellationToken.None);
        _store.Actor = _store.Identity;
        return issue.Number;
    }

    private Reconciler Reconciler(PolicySet policies) =>
        new(_store, _executor, policies, TimeProvider.System, new ReconcileOptions(2), Log.Quiet);

    [Fact]
    public async Task RunOnce_AgentResult_PostedByTheCoordinatorOncePerKeyNeutralized()
    {
        var qa = await FileAsync("QA the release", "dev/qa", "priority/P2");
        var reconciler = Reconciler(PolicySet.Default);

        await reconciler.RunOnceAsync(CancellationToken.None);
        var again = await reconciler.RunOnceAsync(CancellationToken.None);

        var issue = (await _store.GetIssueAsync(qa, CancellationToken.None))!;
        var result = Assert.Single(issue.Comments, c => Markers.Has(c.Body, Markers.ResultKind));
        Assert.Equal(_store.Identity, result.Author);
        Assert.StartsWith("### ai-qa-agent · completed", result.Body, StringComparison.Ordinal);
        Assert.Contains("| 1 | 2 |", result.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", result.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@team", result.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', result.Body);
        Assert.Contains("status/done", issue.Labels);
        Assert.Equal(0, again.Writes);
        Assert.Single(_executor.Requests);
    }

    [Fact]
    public async Task RunOnce_Contexts_PoliciesPerAgentAndDigestsScopedToTheClient()
    {
        var policies = PolicySet.Default with { QualityGates = new QualityGatesPolicy(0.91, 0.99) };
        var acmeOther = await FileAsync("Acme invoice", "finance/analysis", "client/acme");
        await FileAsync("Globex lead", "sales/leads", "client/globex");
        var qa = await FileAsync("QA for acme", "dev/qa", "client/acme");
        var oversight = await FileAsync("Acme oversight", "management/oversight", "client/acme");

        await Reconciler(policies).RunOnceAsync(CancellationToken.None);

        var qaContext = _executor.Requests.Single(r => r.Issue.Number == qa).AgentContext;
        Assert.Equal(new QualityGatesPolicy(0.91, 0.99), qaContext.Policies.QualityGates);
        Assert.Equal("acme", qaContext.Client!.Id);
        Assert.Null(qaContext.Issues);

        var pm = _executor.Requests.Single(r => r.Issue.Number == oversight).AgentContext;
        Assert.Equal("client/acme", pm.Issues!.Scope);
        Assert.Equal([qa, acmeOther], pm.Issues.Items.Select(i => i.Number).Order().Reverse());
        Assert.Null(pm.Policies.QualityGates);
    }

    [Fact]
    public async Task RunOnce_NarrowDigestNeeds_OnlyTheNeededAgentsIssuesOfTheSameClient()
    {
        var acmeSecurity = await FileAsync("Acme secret scan", "security/compliance", "client/acme");
        await FileAsync("Globex secret scan", "security/compliance", "client/globex");
        var acmeInvoiceA = await FileAsync("Acme invoice A", "finance/analysis", "client/acme");
        var acmeInvoiceB = await FileAsync("Acme invoice B", "finance/analysis", "client/acme");
        var globexInvoice = await FileAsync("Globex invoice", "finance/analysis", "client/globex");
        var qa = await FileAsync("QA for acme", "dev/qa", "client/acme");
        var globexLead = await FileAsync("Globex lead", "sales/leads", "client/globex");

        await Reconciler(PolicySet.Default).RunOnceAsync(CancellationToken.None);

        DispatchContext For(int number) => _executor.Requests.Single(r => r.Issue.Number == number).AgentContext;

        // The QA agent reads the security score of its own client only; nothing of the invoices reaches it.
        Assert.Equal([acmeSecurity], For(qa).Issues!.Items.Select(i => i.Number));
        Assert.Equal("client/acme", For(qa).Issues!.Scope);

        // The finance agent compares with its client's earlier invoices, never another client's.
        Assert.Equal([acmeInvoiceA], For(acmeInvoiceB).Issues!.Items.Select(i => i.Number));
        Assert.Equal([acmeInvoiceB], For(acmeInvoiceA).Issues!.Items.Select(i => i.Number));
        Assert.Null(For(globexInvoice).Issues);

        // Agents whose work is their own issue get no digests at all.
        Assert.Null(For(acmeSecurity).Issues);
        Assert.Null(For(globexLead).Issues);
    }
}
