using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

public sealed class DecideRoutingTests
{
    [Fact]
    public async Task Decide_NewRoutedIssue_QueuesLabelsAndDispatchesPlanAttemptOne()
    {
        var h = new DecideHarness { StartRuns = false };
        var n = await h.FileAsync("Release 2.1 quality", "body", "dev/qa", "priority/P1");

        var actions = await h.PassAsync(n);

        var dispatch = Assert.Single(actions.OfType<DispatchAgent>());
        Assert.Equal(AgentNames.Qa, dispatch.Agent);
        Assert.Equal("local/ops#1/a1/plan", dispatch.Key);
        Assert.Equal(Priority.P1, dispatch.Priority);
        var issue = await h.IssueAsync(n);
        Assert.Contains("status/queued", issue.Labels);
        var state = await h.StateAsync(n);
        Assert.Equal(dispatch.Key, state.Key);
        Assert.Equal(h.Clock.GetUtcNow(), state.DispatchedAt);
        Assert.Equal(Priority.P1, state.Priority);
    }

    [Fact]
    public async Task Decide_DispatchImmediately_GoesStraightToInProgress()
    {
        var h = new DecideHarness(executor: "aws");
        var n = await h.FileAsync("Outage", "body", "operations/monitoring", "priority/P0");

        await h.PassAsync(n);

        Assert.Contains("status/in-progress", (await h.IssueAsync(n)).Labels);
        Assert.Equal(ExecutorKind.Lambda, (await h.StateAsync(n)).Executor);
    }

    [Fact]
    public async Task Decide_SecondPassOnUnchangedIssue_MakesNoWrites()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Score this lead", "body", "sales/lead", "priority/P2", "client/acme");
        await h.PassAsync(n);
        h.Clock.Advance(TimeSpan.FromMinutes(3));

        var second = await h.DecideAsync(n);

        Assert.Empty(second);
    }

    [Fact]
    public async Task Decide_MissingPriority_AddsPolicyDefault()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Scan this", "body", "security/compliance");

        await h.PassAsync(n);

        Assert.Contains("priority/P2", (await h.IssueAsync(n)).Labels);
        Assert.Equal(Priority.P2, h.Dispatched.Single().Priority);
    }

    [Fact]
    public async Task Decide_TwoPriorities_KeepsMostUrgentAndSaysSo()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Two priorities", "body", "dev/qa", "priority/P3", "priority/P1");

        var actions = await h.PassAsync(n);

        var issue = await h.IssueAsync(n);
        Assert.Contains("priority/P1", issue.Labels);
        Assert.DoesNotContain("priority/P3", issue.Labels);
        var note = Assert.Single(actions.OfType<PostComment>());
        Assert.Contains("`priority/P3`", note.Body, StringComparison.Ordinal);
        Assert.Contains("most urgent", note.Body, StringComparison.Ordinal);
        Assert.Empty(await h.DecideAsync(n));
    }

    [Fact]
    public async Task Decide_NoRoutingLabel_NeedsTriageWithAdviceAndNoDispatch()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Can someone help?", "body", "question");

        var actions = await h.PassAsync(n);

        Assert.Empty(actions.OfType<DispatchAgent>());
        Assert.Contains("status/needs-triage", (await h.IssueAsync(n)).Labels);
        var note = Assert.Single(actions.OfType<PostComment>());
        Assert.Contains("no routing label", note.Body, StringComparison.Ordinal);
        Assert.Contains("`dev/qa`", note.Body, StringComparison.Ordinal);
        Assert.Empty(await h.DecideAsync(n));
    }

    [Fact]
    public async Task Decide_TriagedIssueGetsRoutingLabel_DispatchesOnNextPass()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Can someone help?", "body", "question");
        await h.PassAsync(n);

        await h.Store.UpdateLabelsAsync(n, ["support/billing"], [], CancellationToken.None);
        await h.PassAsync(n);

        Assert.Equal(AgentNames.Support, h.Dispatched.Single().Agent);
        var issue = await h.IssueAsync(n);
        Assert.Contains("status/in-progress", issue.Labels);
        Assert.DoesNotContain("status/needs-triage", issue.Labels);
    }

    [Fact]
    public async Task Decide_RoutingLabelsForDifferentAgents_NeedsTriageNamingBoth()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Confusing", "body", "marketing/seo", "sales/lead");

        var actions = await h.PassAsync(n);

        Assert.Empty(h.Dispatched);
        var note = Assert.Single(actions.OfType<PostComment>());
        Assert.Contains("`marketing/seo` → `ai-marketing-agent`", note.Body, StringComparison.Ordinal);
        Assert.Contains("`sales/lead` → `ai-sales-agent`", note.Body, StringComparison.Ordinal);
        Assert.Contains("status/needs-triage", (await h.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task Decide_RoutingLabelsForSameAgent_Dispatches()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Refund", "body", "support/quality-assurance", "support/billing");

        await h.PassAsync(n);

        Assert.Equal(AgentNames.Support, h.Dispatched.Single().Agent);
    }

    [Fact]
    public async Task Decide_AgentLabel_OverridesRouting()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Route me", "body", "support/billing", "agent/finance");

        await h.PassAsync(n);

        Assert.Equal(AgentNames.Finance, h.Dispatched.Single().Agent);
    }

    [Theory]
    [InlineData("priority/high")]
    [InlineData("status/whatever")]
    [InlineData("agent/ai-wizard-agent")]
    [InlineData("client/ACME corp!")]
    public async Task Decide_MalformedLabelOfKnownFamily_NeedsTriageNamingIt(string bad)
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("Bad label", "body", "dev/qa", bad);

        var actions = await h.PassAsync(n);

        Assert.Empty(h.Dispatched);
        Assert.Contains(actions.OfType<PostComment>(), c => c.Body.Contains(Text.Code(bad), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_DisabledAgent_NeedsTriage()
    {
        var policies = PolicySet.Default with { Autonomy = AutonomyPolicy.Default with { DisabledAgents = [AgentNames.Marketing] } };
        var h = new DecideHarness(policies);
        var n = await h.FileAsync("SEO", "body", "marketing/seo");

        var actions = await h.PassAsync(n);

        Assert.Empty(h.Dispatched);
        Assert.Contains(actions.OfType<PostComment>(), c => c.Body.Contains("switched off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_TwoStatusLabels_KeepsTheCoordinatorsOne()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("QA", "body", "dev/qa", "priority/P2");
        await h.PassAsync(n);
        await h.Store.UpdateLabelsAsync(n, ["status/done"], [], CancellationToken.None);

        await h.PassAsync(n);

        var statuses = (await h.IssueAsync(n)).Labels.Where(l => l.StartsWith("status/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["status/in-progress"], statuses);
    }

    [Fact]
    public async Task Decide_OnHoldLabel_HoldsWithoutDispatch()
    {
        var h = new DecideHarness();
        var n = await h.FileAsync("QA", "body", "dev/qa", "status/on-hold");

        await h.PassAsync(n);

        Assert.Empty(h.Dispatched);
        Assert.Equal(IssueStatus.OnHold, (await h.StateAsync(n)).Status);
    }

    [Fact]
    public void Decide_ClosedIssue_DoesNothing()
    {
        var issue = Some.Issue(labels: ["dev/qa"]) with { State = Core.Issues.IssueState.Closed };

        Assert.Empty(Decider.Decide(issue, PolicySet.Default, Some.Epoch));
    }

    [Fact]
    public async Task Decide_HugeAndBinaryBodies_RouteNormally()
    {
        var h = new DecideHarness();
        var huge = await h.FileAsync("Huge", new string('x', 65_536), "security/compliance");
        var binary = await h.FileAsync("Binary", "\u0000\u0001\u0002PK\u0003\u0004\uFFFD@everyone <script>", "security/compliance");

        await h.PassAsync(huge);
        await h.PassAsync(binary);

        Assert.Equal(2, h.Dispatched.Count);
    }
}
