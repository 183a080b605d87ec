using System.Text.Json.Nodes;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>Issue 5's rules, driven through Decide with a fake clock: autonomy, approvals, commands, risk, SLA.</summary>
public sealed class DecideGovernanceTests
{
    // An invoice of $3,000: L2 (financial ≥ $1,000), routed to the finance manager (< $5,000) — fiona in the default policy.
    private static readonly Classification Invoice = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    // What the plans here do once approved (an approved plan without effects has nothing to execute: it is simply done).
    private static readonly IReadOnlyList<Effect> Acts = [Effect.Create(EffectKinds.GitHubComment, "#1", new JsonObject { ["body"] = "Paid." })];

    private static async Task<(DecideHarness H, int N)> AwaitingApprovalAsync(PolicySet? policies = null, Classification? classification = null, string planHash = "aaaaaaaaaaaa")
    {
        var h = new DecideHarness(policies);
        h.Store.SetPermission("fiona", RepositoryPermission.Write);
        h.Store.SetPermission("carla", RepositoryPermission.Admin);
        h.Store.SetPermission("bob", RepositoryPermission.Write);
        h.Store.SetPermission("beatrice", RepositoryPermission.Write);
        h.Store.SetPermission("randy", RepositoryPermission.Read);
        h.Store.SetPermission("dana", RepositoryPermission.Write);
        var n = await h.FileAsync("Pay the Initech invoice", "### Vendor\n\nInitech", "finance/analysis", "priority/P2");
        await h.PassAsync(n);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Finance, classification: classification ?? Invoice, planHash: planHash, effects: Acts);
        await h.PassAsync(n);
        return (h, n);
    }

    [Fact]
    public async Task Decide_RoutineL1Plan_DoneWithoutApproval()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Scan", "body", "security/compliance");
        await h.PassAsync(n);
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Security);

        await h.PassAsync(n);

        var issue = await h.IssueAsync(n);
        Assert.Contains("status/done", issue.Labels);
        Assert.Contains("autonomy/L1", issue.Labels);
        Assert.Single(h.Dispatched);
    }

    [Fact]
    public async Task Decide_L2Plan_WaitsForTheRightRoleThenExecutes()
    {
        var (h, n) = await AwaitingApprovalAsync();
        var issue = await h.IssueAsync(n);
        Assert.Contains("status/awaiting-approval", issue.Labels);
        Assert.Contains("autonomy/L2", issue.Labels);

        var approve = h.Say(n, "fiona", "/approve looks right");
        await h.PassAsync(n);

        Assert.Equal("local/ops#1/a1/execute", h.Dispatched[^1].Key);
        Assert.Contains((approve.Id, "+1"), h.Store.Reactions);
        var state = await h.StateAsync(n);
        Assert.Contains(state.Audit!, a => a.Actor == "fiona" && a.Decision == "approved");
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Finance, classification: Invoice);
        await h.PassAsync(n);
        Assert.Contains("status/done", (await h.IssueAsync(n)).Labels);
    }

    [Theory]
    [InlineData("bob", "not in")]
    [InlineData("dana", "author")]
    [InlineData("randy", "not in")]
    public async Task Decide_ApprovalByWrongPerson_StaysWaitingWithReply(string who, string reason)
    {
        var (h, n) = await AwaitingApprovalAsync();

        var cmd = h.Say(n, who, "/approve");
        var actions = await h.PassAsync(n);

        Assert.Single(h.Dispatched);
        Assert.Contains("status/awaiting-approval", (await h.IssueAsync(n)).Labels);
        var reply = Assert.Single(actions.OfType<PostComment>(), c => c.NoteKey == "ignored:" + cmd.Id);
        Assert.Contains(reason, reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("fiona", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_ApprovalWithoutWritePermission_StaysWaiting()
    {
        var (h, n) = await AwaitingApprovalAsync();
        h.Store.SetPermission("fiona", RepositoryPermission.Read);

        h.Say(n, "fiona", "/approve");
        await h.PassAsync(n);

        Assert.Single(h.Dispatched);
        Assert.Equal(1, h.Lookups);
    }

    [Fact]
    public async Task Decide_ApprovalBeforeANewPlan_IsVoid()
    {
        var (h, n) = await AwaitingApprovalAsync(planHash: "aaaaaaaaaaaa");
        h.Say(n, "carla", "/retry");
        await h.PassAsync(n);
        h.Say(n, "fiona", "/approve for the first plan");
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Finance, classification: Invoice, planHash: "bbbbbbbbbbbb");

        await h.PassAsync(n);

        Assert.Equal(2, h.Dispatched.Count);
        var state = await h.StateAsync(n);
        Assert.Equal("bbbbbbbbbbbb", state.PlanHash);
        Assert.Equal(IssueStatus.AwaitingApproval, state.Status);
    }

    [Theory]
    [InlineData(120_000)]
    [InlineData(500)]
    [InlineData(1)]
    public async Task Decide_EditedApproval_DoesNotCountHoweverSoonTheEdit(int milliseconds)
    {
        var (h, n) = await AwaitingApprovalAsync();
        var c = h.Say(n, "fiona", "/approve");
        h.Clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
        await h.Store.UpdateCommentAsync(n, c.Id, "/approve (edited)", CancellationToken.None);

        await h.PassAsync(n);

        Assert.Single(h.Dispatched);
    }

    [Fact]
    public async Task Decide_ConsensusOfTwo_NeedsTwoDistinctBoardMembers()
    {
        var big = Invoice with { FinancialImpactUsd = 9000m };
        var policies = PolicySet.Default with
        {
            Approvals = ApprovalPolicy.Default with { FinancialTiers = [new(1000m, null, 1, ApprovalKind.Synchronous), new(null, "board", 2, ApprovalKind.Consensus)] },
        };
        var (h, n) = await AwaitingApprovalAsync(policies, big);

        h.Say(n, "bob", "/approve");
        h.Say(n, "bob", "/approve again");
        await h.PassAsync(n);
        Assert.Single(h.Dispatched);

        h.Say(n, "beatrice", "/approve");
        await h.PassAsync(n);
        Assert.Equal(DispatchPhase.Execute, h.Dispatched[^1].Phase);
    }

    [Fact]
    public async Task Decide_Reject_EndsWithoutExecuting()
    {
        var (h, n) = await AwaitingApprovalAsync();

        h.Say(n, "fiona", "/reject duplicate invoice");
        await h.PassAsync(n);

        Assert.Single(h.Dispatched);
        var state = await h.StateAsync(n);
        Assert.Equal(IssueStatus.Done, state.Status);
        Assert.Contains("duplicate invoice", state.Summary, StringComparison.Ordinal);
        Assert.Empty(await h.DecideAsync(n));
    }

    [Fact]
    public async Task Decide_SynchronousTimeout_LetsTheBackupApprove()
    {
        var (h, n) = await AwaitingApprovalAsync();
        h.Store.SetPermission("olivia", RepositoryPermission.Write);

        h.Clock.Advance(TimeSpan.FromMinutes(6));
        var waiting = await h.PassAsync(n);
        Assert.Single(h.Dispatched);
        Assert.Contains(waiting.OfType<PostComment>(), c => c.NoteKey.StartsWith("backup:", StringComparison.Ordinal) && c.Body.Contains("@olivia", StringComparison.Ordinal));

        h.Say(n, "olivia", "/approve now as backup");
        var approved = await h.PassAsync(n);

        Assert.Equal(DispatchPhase.Execute, h.Dispatched[^1].Phase);
        Assert.DoesNotContain(approved.OfType<PostComment>(), c => c.NoteKey.StartsWith("backup:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_AsynchronousTimeout_DoesNothingAndSaysSo()
    {
        var cfo = Invoice with { FinancialImpactUsd = 12000m };
        var policies = PolicySet.Default with { Autonomy = AutonomyPolicy.Default with { L3 = AutonomyPolicy.Default.L3 with { FinancialAboveUsd = 50000m } } };
        var (h, n) = await AwaitingApprovalAsync(policies, cfo);

        h.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        var actions = await h.PassAsync(n);

        Assert.Single(h.Dispatched);
        Assert.Contains(actions.OfType<PostComment>(), c => c.Body.Contains("conservative default", StringComparison.Ordinal));
        Assert.Equal(IssueStatus.AwaitingApproval, (await h.StateAsync(n)).Status);
        Assert.Empty(await h.DecideAsync(n));
    }

    [Fact]
    public async Task Decide_ConsensusTimeout_Escalates()
    {
        var policies = PolicySet.Default with
        {
            Sla = SlaPolicy.Default with { Managers = ["olivia"] },
            Approvals = ApprovalPolicy.Default with { FinancialTiers = [new(1000m, null, 1, ApprovalKind.Synchronous), new(null, "board", 2, ApprovalKind.Consensus)] },
        };
        var (h, n) = await AwaitingApprovalAsync(policies);

        h.Clock.Advance(TimeSpan.FromHours(25));
        var actions = await h.PassAsync(n);

        Assert.Equal(IssueStatus.Escalated, (await h.StateAsync(n)).Status);
        Assert.Contains(actions.OfType<PostComment>(), c => c.Body.Contains("@olivia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_L3Plan_AwaitsDecisionAndNeverExecutes()
    {
        var strategic = Invoice with { FinancialImpactUsd = 50000m };
        var (h, n) = await AwaitingApprovalAsync(classification: strategic);
        Assert.Equal(IssueStatus.AwaitingDecision, (await h.StateAsync(n)).Status);
        Assert.Contains("autonomy/L3", (await h.IssueAsync(n)).Labels);

        h.Say(n, "bob", "/approve go ahead");
        h.Say(n, "beatrice", "/approve agreed");
        await h.PassAsync(n);

        Assert.Single(h.Dispatched);
        Assert.Equal(IssueStatus.Done, (await h.StateAsync(n)).Status);
    }

    [Fact]
    public async Task Decide_ManualMode_EvenRoutineWorkNeedsACollaborator()
    {
        var policies = PolicySet.Default with { Autonomy = AutonomyPolicy.Default with { Mode = AutonomyMode.Manual } };
        var h = new DecideHarness(policies);
        h.Store.SetPermission("casey", RepositoryPermission.Write);
        var n = await h.FileAsync("Scan", "body", "security/compliance");
        await h.PassAsync(n);
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Security, effects: Acts);
        await h.PassAsync(n);
        Assert.Equal(IssueStatus.AwaitingApproval, (await h.StateAsync(n)).Status);

        h.Say(n, "casey", "/approve");
        await h.PassAsync(n);

        Assert.Equal(DispatchPhase.Execute, h.Dispatched[^1].Phase);
    }

    [Fact]
    public async Task Decide_SpendingLimitReachedByAClosedIssue_RoutineWorkNeedsApproval()
    {
        var h = new DecideHarness();
        var spent = await h.FileAsync("Big analysis", "body", "analytics/kpi");
        await h.PassAsync(spent);
        h.AgentResult(spent, h.Dispatched[^1].Key, AgentOutcome.Completed, cost: 60m, agent: AgentNames.Analytics);
        await h.Store.SetStateAsync(spent, IssueState.Closed, CancellationToken.None);
        var n = await h.FileAsync("Scan", "body", "security/compliance");
        await h.PassAsync(n);
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Security);

        var actions = await h.PassAsync(n);

        Assert.Equal(IssueStatus.AwaitingApproval, (await h.StateAsync(n)).Status);
        Assert.Contains(actions.OfType<PostComment>(), c => c.NoteKey.StartsWith("risk:", StringComparison.Ordinal) && c.Body.Contains("$50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_LowConfidence_NeedsApproval()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Scan", "body", "security/compliance");
        await h.PassAsync(n);
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Security, confidence: 0.3);

        await h.PassAsync(n);

        Assert.Equal(IssueStatus.AwaitingApproval, (await h.StateAsync(n)).Status);
    }

    [Fact]
    public async Task Decide_SlaClock_AtRiskThenBreachedWithManagers()
    {
        var policies = PolicySet.Default with { Sla = SlaPolicy.Default with { Managers = ["olivia"] } };
        var h = new DecideHarness(policies);
        var n = await h.FileAsync("Site down", "body", "operations/monitoring", "priority/P0");
        await h.PassAsync(n);

        h.Clock.Advance(TimeSpan.FromMinutes(46));
        await h.PassAsync(n);
        Assert.Contains(LabelNames.SlaAtRisk, (await h.IssueAsync(n)).Labels);

        h.Clock.Advance(TimeSpan.FromMinutes(15));
        var actions = await h.PassAsync(n);
        var labels = (await h.IssueAsync(n)).Labels;
        Assert.Contains(LabelNames.SlaBreached, labels);
        Assert.DoesNotContain(LabelNames.SlaAtRisk, labels);
        var note = Assert.Single(actions.OfType<PostComment>());
        Assert.Contains("@olivia", note.Body, StringComparison.Ordinal);
        Assert.Contains(AgentNames.ProjectManager, note.Body, StringComparison.Ordinal);
        Assert.Empty(await h.DecideAsync(n));
    }

    [Fact]
    public async Task Decide_TimeWaitingForApproval_DoesNotCountAgainstSla()
    {
        var (h, n) = await AwaitingApprovalAsync();

        h.Clock.Advance(TimeSpan.FromHours(30));
        await h.PassAsync(n);

        Assert.DoesNotContain(LabelNames.SlaBreached, (await h.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task Decide_ThreeFailuresThenRetry_StartsAFreshCount()
    {
        var (h, n) = (new DecideHarness(), 0);
        h.Store.SetPermission("carla", RepositoryPermission.Admin);
        n = await h.FileAsync("QA", "body", "dev/qa");
        await h.PassAsync(n);
        for (var i = 0; i < 3; i++)
        {
            h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Failed, summary: "flaky");
            await h.PassAsync(n);
            h.Clock.Advance(TimeSpan.FromHours(2));
            await h.PassAsync(n);
        }

        Assert.Equal(IssueStatus.Escalated, (await h.StateAsync(n)).Status);
        h.Say(n, "carla", "/retry");
        await h.PassAsync(n);

        Assert.Equal(4, h.Dispatched.Count);
        Assert.Equal("local/ops#1/a4/plan", h.Dispatched[^1].Key);
        Assert.Equal(0, (await h.StateAsync(n)).Failures);
    }

    [Fact]
    public async Task Decide_HoldAndUnhold_ByCommand()
    {
        var h = new DecideHarness();
        h.Store.SetPermission("tara", RepositoryPermission.Triage);
        var n = await h.FileAsync("QA", "body", "dev/qa");
        h.Say(n, "tara", "/hold waiting for the vendor");

        await h.PassAsync(n);
        Assert.Empty(h.Dispatched);
        Assert.Contains("status/on-hold", (await h.IssueAsync(n)).Labels);
        Assert.Empty(await h.DecideAsync(n));

        h.Say(n, "tara", "/unhold");
        await h.PassAsync(n);
        Assert.Single(h.Dispatched);
        Assert.DoesNotContain("status/on-hold", (await h.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task Decide_CommandWithoutPermission_RepliesAndDoesNothing()
    {
        var h = new DecideHarness();
        h.Store.SetPermission("randy", RepositoryPermission.Read);
        var n = await h.FileAsync("QA", "body", "dev/qa");
        var cmd = h.Say(n, "randy", "/hold");

        var actions = await h.PassAsync(n);

        Assert.Single(h.Dispatched);
        var reply = Assert.Single(actions.OfType<PostComment>(), c => c.NoteKey == "cmd:" + cmd.Id);
        Assert.Contains("needs triage permission", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_UnknownCommand_RepliesWithTheValidOnes()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("QA", "body", "dev/qa");
        var cmd = h.Say(n, "dana", "/deploy now");

        var actions = await h.PassAsync(n);

        var reply = Assert.Single(actions.OfType<PostComment>(), c => c.NoteKey == "cmd:" + cmd.Id);
        Assert.Contains("/approve", reply.Body, StringComparison.Ordinal);
        Assert.Equal(0, h.Lookups);
    }

    [Fact]
    public async Task Decide_PriorityCommand_RelabelsAndRestartsTheClock()
    {
        var h = new DecideHarness();
        h.Store.SetPermission("tara", RepositoryPermission.Triage);
        var n = await h.FileAsync("QA", "body", "dev/qa", "priority/P3");
        await h.PassAsync(n);
        h.Clock.Advance(TimeSpan.FromHours(1));

        h.Say(n, "tara", "/priority P1");
        await h.PassAsync(n);

        var labels = (await h.IssueAsync(n)).Labels;
        Assert.Contains("priority/P1", labels);
        Assert.DoesNotContain("priority/P3", labels);
        Assert.Equal(h.Clock.GetUtcNow(), (await h.StateAsync(n)).PriorityAt);
    }

    [Fact]
    public async Task Decide_AgentCommand_RoutesTriagedIssue()
    {
        var h = new DecideHarness();
        h.Store.SetPermission("tara", RepositoryPermission.Triage);
        var n = await h.FileAsync("Who handles this?", "body", "question");
        await h.PassAsync(n);

        h.Say(n, "tara", "/agent security");
        await h.PassAsync(n);

        Assert.Equal(AgentNames.Security, h.Dispatched.Single().Agent);
        Assert.Contains("agent/security", (await h.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task Decide_CommandsActOnce_PermissionLookedUpOncePerRun()
    {
        var h = new DecideHarness();
        h.Store.SetPermission("tara", RepositoryPermission.Triage);
        var n = await h.FileAsync("QA", "body", "dev/qa");
        h.Say(n, "tara", "/hold");
        await h.PassAsync(n);

        var again = await h.PassAsync(n);

        Assert.Empty(again);
        Assert.Equal(1, h.Lookups);
    }

    [Fact]
    public async Task Decide_RoleNamesATeam_MemberApprovesOnlyWhenTheTeamIsKnown()
    {
        var roles = new Dictionary<string, IReadOnlyList<string>>(ApprovalPolicy.Default.Roles, StringComparer.OrdinalIgnoreCase) { ["finance-manager"] = ["acme/finance"] };
        var policies = PolicySet.Default with { Approvals = ApprovalPolicy.Default with { Roles = roles } };
        var (h, n) = await AwaitingApprovalAsync(policies);
        h.Store.SetPermission("frank", RepositoryPermission.Write);
        h.Say(n, "frank", "/approve");

        await h.PassAsync(n);
        Assert.Single(h.Dispatched);

        h.Teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["acme/finance"] = ["frank"] };
        await h.PassAsync(n);
        Assert.Equal(DispatchPhase.Execute, h.Dispatched[^1].Phase);
    }
}
