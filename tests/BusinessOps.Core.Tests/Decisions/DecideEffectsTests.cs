using System.Text.Json.Nodes;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>Issue 11 through Decide: an approved plan performs exactly its approved effects, and nothing else.</summary>
public sealed class DecideEffectsTests
{
    private static readonly Classification Invoice = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    private static readonly Effect Payment = new PaymentInstruction("Initech", 3000m, "USD", new DateOnly(2026, 12, 31), "INV-7").ToEffect();

    private static async Task<(DecideHarness H, int N)> ApprovedAsync(IReadOnlyList<Effect> effects)
    {
        var h = new DecideHarness();
        h.Store.SetPermission("fiona", RepositoryPermission.Write);
        var n = await h.FileAsync("Pay the Initech invoice", "### Vendor\n\nInitech", "finance/analysis", "priority/P2");
        await h.PassAsync(n);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var plan = ResultRecord.HashOf("pay it", effects);
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.NeedsApproval, agent: AgentNames.Finance, classification: Invoice, planHash: plan, effects: effects);
        await h.PassAsync(n);
        Assert.Equal(IssueStatus.AwaitingApproval, (await h.StateAsync(n)).Status);
        h.Say(n, "fiona", "/approve");
        return (h, n);
    }

    [Fact]
    public async Task Decide_ApprovedPlanWithEffects_ExecutePhaseCarriesExactlyThem()
    {
        var (h, n) = await ApprovedAsync([Payment]);

        await h.PassAsync(n);

        var execute = h.Dispatched[^1];
        Assert.Equal(DispatchPhase.Execute, execute.Phase);
        Assert.Equal([Payment], execute.Effects);
        Assert.Equal(EffectListHash.Of([Payment]), (await h.StateAsync(n)).EffectsHash);
    }

    [Fact]
    public async Task Decide_ApprovedPlanWithoutEffects_DoneWithoutRunningTheAgentAgain()
    {
        var (h, n) = await ApprovedAsync([]);

        await h.PassAsync(n);

        // Before issue 11 the execute phase re-ran the agent's analysis ("Applied: …") and did nothing.
        Assert.Single(h.Dispatched);
        Assert.Contains("status/done", (await h.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task Decide_EffectListEditedAfterApproval_DoesNotExecuteAndPlansAgain()
    {
        var (h, n) = await ApprovedAsync([Payment]);
        var issue = await h.IssueAsync(n);
        var result = issue.Comments.Single(c => c.Body.Contains("businessops:result", StringComparison.Ordinal));
        var bigger = new PaymentInstruction("Mallory Ltd", 3000m, "USD", new DateOnly(2026, 12, 31), "INV-7").ToEffect();
        var record = Markers.TryParseResult(result.Body, out var parsed) ? parsed! : throw new InvalidOperationException("no marker");

        // The marker's effects swapped, its plan hash left as it was: only the effect fingerprint can tell.
        await h.Store.UpdateCommentAsync(n, result.Id, $"**ai-finance-agent**: pay\n\n{Markers.Format(record with { Effects = [bigger] })}", CancellationToken.None);
        await h.PassAsync(n);

        Assert.DoesNotContain(h.Dispatched, d => d.Phase == DispatchPhase.Execute);
        Assert.Equal(DispatchPhase.Plan, h.Dispatched[^1].Phase);
        var notes = (await h.IssueAsync(n)).Comments.Select(c => c.Body).ToList();
        Assert.Contains(notes, b => b.Contains("effect list was changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ExecuteFailedWithUnknownEffect_WaitsForAPersonThenEffectCommandRecordsIt()
    {
        var (h, n) = await ApprovedAsync([Payment]);
        await h.PassAsync(n);
        var key = h.Dispatched[^1].Key;
        await LedgerAsync(h, n, new EffectRecord(1, key + "/e1", EffectStatus.Unknown, 1, h.Clock.GetUtcNow(), Error: "timed out"));
        h.AgentResult(n, key, AgentOutcome.Failed, permanent: true, summary: "effect e1: timed out", agent: AgentNames.Finance);

        await h.PassAsync(n);
        Assert.Equal(IssueStatus.AwaitingDecision, (await h.StateAsync(n)).Status);
        Assert.Contains((await h.IssueAsync(n)).Comments, c => c.Body.Contains("/effect e1 done", StringComparison.Ordinal));

        h.Say(n, "fiona", "/effect e1 done");
        await h.PassAsync(n);

        var state = await h.StateAsync(n);
        Assert.Equal(EffectStatus.Done, state.Effects!.Single().Status);
        Assert.Single(h.Dispatched, d => d.Phase == DispatchPhase.Execute);
    }

    [Fact]
    public async Task Decide_ExecutePhaseClosedItsOwnIssue_SettlesToDone()
    {
        var (h, n) = await ApprovedAsync([Payment]);
        await h.PassAsync(n);
        var key = h.Dispatched[^1].Key;
        Assert.Contains("status/in-progress", (await h.IssueAsync(n)).Labels);

        // The effects closed the issue (an auto-resolve reply's github.close), then their report arrived.
        await h.Store.SetStateAsync(n, Core.Issues.IssueState.Closed, CancellationToken.None);
        h.AgentResult(n, key, AgentOutcome.Completed, agent: AgentNames.Finance);
        await h.PassAsync(n);

        var issue = await h.IssueAsync(n);
        Assert.Contains("status/done", issue.Labels);
        Assert.DoesNotContain("status/in-progress", issue.Labels);
        Assert.Equal(IssueStatus.Done, (await h.StateAsync(n)).Status);
        Assert.Empty(await h.DecideAsync(n));
    }

    [Fact]
    public async Task Decide_ClosedIssueAfterFailedExecute_RecordsFailureAndDispatchesNothing()
    {
        var (h, n) = await ApprovedAsync([Payment]);
        await h.PassAsync(n);
        var key = h.Dispatched[^1].Key;
        var dispatched = h.Dispatched.Count;

        await h.Store.SetStateAsync(n, Core.Issues.IssueState.Closed, CancellationToken.None);
        h.AgentResult(n, key, AgentOutcome.Failed, summary: "the bank said no", agent: AgentNames.Finance);
        var actions = await h.PassAsync(n);

        Assert.DoesNotContain(actions, a => a is DispatchAgent);
        Assert.Equal(dispatched, h.Dispatched.Count);
        Assert.DoesNotContain("status/in-progress", (await h.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task Decide_PlanWithMalformedEffect_NeedsTriageNotGated()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Pay", "body", "finance/analysis");
        await h.PassAsync(n);
        var bad = Effect.Create(EffectKinds.GitHubLabels, "issue twelve", new JsonObject { ["add"] = new JsonArray("x") });
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.NeedsApproval, agent: AgentNames.Finance, effects: [bad]);

        await h.PassAsync(n);

        var issue = await h.IssueAsync(n);
        Assert.Contains(LabelNames.For(IssueStatus.NeedsTriage), issue.Labels);
        Assert.Contains(issue.Comments, c => c.Body.Contains("must be an issue", StringComparison.Ordinal));
    }

    private static async Task LedgerAsync(DecideHarness h, int n, EffectRecord record)
    {
        var (id, body, _) = IssueStateReader.Amend(await h.IssueAsync(n), h.Policies with { Identity = h.Store.Identity }, s => s with { Effects = [record] });
        await h.Store.UpdateCommentAsync(n, id!.Value, body, CancellationToken.None);
    }
}
