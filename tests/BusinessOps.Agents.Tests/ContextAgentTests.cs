using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>
/// The agents whose work is about other issues (oversight, KPIs, duplicates) see exactly the digests the coordinator hands
/// them — built here with the coordinator's own function over a seeded store — and nothing else.
/// </summary>
public sealed class ContextAgentTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryIssueStore _store;

    public ContextAgentTests() => _store = new InMemoryIssueStore(_clock);

    private async Task<IssueSnapshot> FileAsync(string title, params string[] labels)
    {
        _store.Actor = "alice";
        var issue = await _store.CreateIssueAsync(new NewIssue(title, string.Empty, labels), CancellationToken.None);
        _store.Actor = _store.Identity;
        return issue;
    }

    private async Task SeedAsync()
    {
        await FileAsync("escalated", "support/tickets", "status/escalated", "priority/P1", "client/acme");
        await FileAsync("breached", "finance/analysis", "status/in-progress", "sla/breached", "priority/P0", "client/globex");
        await FileAsync("on hold", "dev/qa", "status/on-hold", "client/acme");
        await FileAsync("awaiting old", "dev/deploy", "status/awaiting-approval", "priority/P2", "client/acme");
        var done = await FileAsync("done auto", "security/compliance", "status/done", "priority/P3");
        await _store.AddCommentAsync(done.Number, "ok " + Markers.Format(new ResultRecord("local/ops#5/a1/plan", AgentNames.Security, AgentOutcome.Completed, 0.9, 0.002m)), CancellationToken.None);
        var approved = await FileAsync("done approved", "finance/analysis", "status/done", "priority/P2");
        _store.AddCommentAs(approved.Number, "carla", "/approve");
        await FileAsync("done breached", "dev/qa", "status/done", "sla/breached", "priority/P2");
        await FileAsync("failed", "dev/qa", "status/failed", "priority/P2");
        _clock.Advance(TimeSpan.FromDays(2));
        await FileAsync("awaiting fresh", "dev/deploy", "status/awaiting-decision", "client/acme");
        await FileAsync("unprocessed", "question");
    }

    /// <summary>Runs the agent on a new issue with the context the coordinator would build (client scope from <paramref name="tenant"/>).</summary>
    private async Task<AgentRun> RunWithContextAsync(string agent, string body, string? tenant = null, string title = "report", AgentPolicies? policies = null)
    {
        var labels = new List<string> { agent == AgentNames.Analytics ? "analytics/reporting" : agent == AgentNames.Manager ? "dev/management" : "management/oversight" };
        if (tenant is not null)
        {
            labels.Add("client/" + tenant);
        }

        var self = await FileAsync(title, [.. labels]);
        var all = await _store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        var context = new DispatchContext
        {
            Client = tenant is null ? null : new ClientProfile(tenant),
            Issues = IssueDigests.Scoped(all, tenant, self.Number, _store.Identity, RoutingPolicy.Default),
            Policies = policies ?? new AgentPolicies(),
        };
        return await AgentHost.ProcessAsync(Agents.Of(agent), self with { Body = body }, $"local/ops#{self.Number}/a1/plan", "plan", context, CancellationToken.None);
    }

    [Fact]
    public async Task ProjectManager_AllScope_CountsEscalatedBreachedBlocked()
    {
        await SeedAsync();

        var run = await RunWithContextAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")));

        Assert.Equal(10, run.Num("examined"));
        Assert.Equal(1, run.Num("escalatedCount"));
        Assert.Equal(2, run.Num("breachedCount"));

        // on hold, failed, and the approval waiting 2 days; the fresh decision wait is not blocked yet.
        Assert.Equal(["on hold", "awaiting old", "failed"], run.Out("blocked").AsArray().Select(b => b!["title"]!.GetValue<string>()));
        Assert.Equal(48, run.Out("blocked")[1]!["ageHours"]!.GetValue<double>());
        Assert.True(run.Out("usedContext").GetValue<bool>());
    }

    [Fact]
    public async Task ProjectManager_ClientScope_OnlyThatClient()
    {
        await SeedAsync();

        var run = await RunWithContextAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "client/acme")));

        Assert.Equal(4, run.Num("examined"));
        Assert.Equal((1, 0, 2), (run.Num("escalatedCount"), run.Num("breachedCount"), run.Num("blockedCount")));
    }

    [Fact]
    public async Task ProjectManager_ClientIssue_SeesOnlyItsOwnClientEvenWhenAskingForAll()
    {
        await SeedAsync();

        var run = await RunWithContextAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")), tenant: "globex");

        // globex has one other issue (breached); acme's escalated and blocked issues are invisible to it.
        Assert.Equal(1, run.Num("examined"));
        Assert.Equal((0, 1, 0), (run.Num("escalatedCount"), run.Num("breachedCount"), run.Num("blockedCount")));
        Assert.Contains("client/globex only", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectManager_NoContext_SaysSoWithLowConfidence()
    {
        var run = await Agents.RunAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")));

        Assert.False(run.Out("usedContext").GetValue<bool>());
        Assert.Contains("none were handed in", run.Result.Summary, StringComparison.Ordinal);
        Assert.Equal(0.4, run.Result.Confidence);
    }

    /// <summary>The day's, week's and month's KPIs of the store, by the one calculator over the one facts builder (as the coordinator hands them).</summary>
    private async Task<IReadOnlyList<KpiSnapshot>> KpisAsync(string? tenant = null)
    {
        var all = await _store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None);
        var facts = all.Select(i => IssueFactsBuilder.From(i, _store.Identity)).ToList();
        return [.. new[] { KpiPeriodKind.Day, KpiPeriodKind.Week, KpiPeriodKind.Month }.Select(k => KpiCalculator.Compute(facts, KpiQuery.For(k, _clock.GetUtcNow(), tenant)))];
    }

    private async Task<AgentRun> RunAnalyticsAsync(string period, IReadOnlyList<KpiSnapshot>? kpis)
    {
        var self = await FileAsync("report", "analytics/reporting");
        var context = new DispatchContext { Kpis = kpis };
        return await AgentHost.ProcessAsync(Agents.Of(AgentNames.Analytics), self with { Body = FormBody.Of(("Period", period)) }, $"local/ops#{self.Number}/a1/plan", "plan", context, CancellationToken.None);
    }

    [Fact]
    public async Task Analytics_ReportsTheSnapshotItIsHanded_TheReportsNumbers()
    {
        await SeedWorkedAsync();
        var kpis = await KpisAsync();
        var month = kpis.Single(k => k.Period == "month");

        var run = await RunAnalyticsAsync("30", kpis);

        // The seeded issues give real figures (not all zero), and the agent's are exactly the calculator's.
        Assert.Equal(3, month.Overall.Processed);
        Assert.Equal("month", run.Out("period").GetValue<string>());
        Assert.Equal(month.Overall.Processed, run.Num("processed"));
        Assert.Equal(month.Overall.Done, run.Num("done"));
        Assert.Equal(month.Overall.AutomationRate, run.Num("automationRate"));
        Assert.Equal(month.Overall.SlaCompliance, run.Num("slaCompliance"));
        Assert.Equal(month.Overall.ErrorRate, run.Num("errorRate"));
        Assert.Equal(month.ByAgent.Keys.Order(StringComparer.Ordinal), run.Out("byAgent").AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("automation 50.0 %", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Automation rate 50.0 % misses its target", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1", "day")]
    [InlineData("7", "week")]
    [InlineData("90", "month")]
    public async Task Analytics_Period_PicksTheDayWeekOrMonth(string days, string expected)
    {
        await SeedWorkedAsync();

        var run = await RunAnalyticsAsync(days, await KpisAsync());

        Assert.Equal(expected, run.Out("period").GetValue<string>());
    }

    [Fact]
    public async Task Analytics_NoKpisHandedIn_SaysToRunItThroughTheCoordinator()
    {
        var run = await RunAnalyticsAsync("30", null);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.False(run.Out("usedContext").GetValue<bool>());
        Assert.Contains("run it through the coordinator", run.Result.Summary, StringComparison.Ordinal);
    }

    /// <summary>Three issues the coordinator worked on (status comments and results by its identity): done alone, done after a person's /approve, failed.</summary>
    private async Task SeedWorkedAsync()
    {
        var at = _clock.GetUtcNow();
        foreach (var (title, status, outcome, human) in new[] { ("done alone", IssueStatus.Done, AgentOutcome.Completed, false), ("done approved", IssueStatus.Done, AgentOutcome.Completed, true), ("failed", IssueStatus.Failed, AgentOutcome.Failed, false) })
        {
            var issue = await FileAsync(title, "dev/qa", "priority/P2", "status/" + (status == IssueStatus.Done ? "done" : "failed"));
            _clock.Advance(TimeSpan.FromMinutes(5));
            if (human)
            {
                _store.AddCommentAs(issue.Number, "carla", "/approve");
            }

            await _store.AddCommentAsync(issue.Number, "Status\n\n" + Markers.Format(new OpsState { Status = status, Agent = AgentNames.Qa, Attempt = 1, CostUsd = 0.01m, Audit = human ? [new BusinessOps.Core.Governance.AuditEntry(at, "carla", "approved", "ok")] : null }), CancellationToken.None);
            await _store.AddCommentAsync(issue.Number, "Result\n\n" + Markers.Format(new ResultRecord($"local/ops#{issue.Number}/a1/plan", AgentNames.Qa, outcome, 0.9, 0.01m)), CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(5));
        }
    }

    [Fact]
    public async Task Analytics_PeriodOutOfRange_BadInput()
    {
        var run = await Agents.RunAsync(AgentNames.Analytics, FormBody.Of(("Period", "0")));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("Field `Period` is invalid: expected a number of days from 1 to 365, got `0`.", run.Result.Summary);
    }

    [Fact]
    public async Task Manager_SimilarOpenIssue_FlaggedAsPossibleDuplicate()
    {
        await SeedAsync();
        var earlier = await FileAsync("Checkout endpoint returns 503 errors", "operations/monitoring", "status/in-progress");

        var run = await RunWithContextAsync(AgentNames.Manager, FormBody.Of(("Request", "It is down again.")), title: "Checkout endpoint returns 503");

        var duplicate = Assert.Single(run.Out("possibleDuplicates").AsArray());
        Assert.Equal(earlier.Number, duplicate!["number"]!.GetValue<int>());
        Assert.Contains($"Possible duplicate of #{earlier.Number}", run.Result.Summary, StringComparison.Ordinal);
        Assert.StartsWith($"Check whether #{earlier.Number} already covers this", run.Result.Actions[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_ContextHoldsTheIssueItself_NotItsOwnDuplicateNorStale()
    {
        var created = Agents.Created.AddDays(-30);
        IssueDigest Digest(int number) => new(number, "Checkout endpoint returns 503", IssueState.Open, IssueStatus.New, null, AgentNames.Manager, [], false, false, created, created);
        var context = new DispatchContext { Issues = new IssueDigestSet(IssueDigestSet.AllScope, [Digest(7), Digest(8)], 0) };

        var run = await Agents.RunAsync(AgentNames.Manager, FormBody.Of(("Request", "It is down again.")), context: context, number: 7, title: "Checkout endpoint returns 503");

        Assert.Equal([8], run.Out("possibleDuplicates").AsArray().Select(d => d!["number"]!.GetValue<int>()));
        Assert.Equal([8], run.Out("stale").AsArray().Select(d => d!["number"]!.GetValue<int>()));
        Assert.Equal(1, run.Num("comparedWith"));
    }

    [Fact]
    public async Task Manager_NoSimilarTitle_NoDuplicates()
    {
        await SeedAsync();

        var run = await RunWithContextAsync(AgentNames.Manager, FormBody.Of(("Request", "Please pay the vendor invoice")), title: "Vendor invoice payment");

        Assert.Empty(run.Out("possibleDuplicates").AsArray());
        Assert.Equal(10, run.Num("comparedWith"));
    }

    [Fact]
    public async Task Manager_IdleBeyondThreshold_ListedAsStaleNotOnHoldOrRecent()
    {
        var old = await FileAsync("Old ticket nobody answered", "support/tickets", "status/in-progress");
        await FileAsync("Paused on purpose", "dev/qa", "status/on-hold");
        _clock.Advance(TimeSpan.FromDays(10));
        await FileAsync("Recent work", "dev/qa", "status/queued");
        _clock.Advance(TimeSpan.FromDays(5));

        var run = await RunWithContextAsync(AgentNames.Manager, FormBody.Of(("Request", "Route the vendor invoice")), title: "Vendor invoice");

        var stale = Assert.Single(run.Out("stale").AsArray());
        Assert.Equal((old.Number, 15, "status/in-progress"), (stale!["number"]!.GetValue<int>(), stale["idleDays"]!.GetValue<int>(), stale["status"]!.GetValue<string>()));
        Assert.Contains($"Ping the owner of #{old.Number} (idle 15 days, status/in-progress) or close it.", run.Result.Actions);
        Assert.Contains("### Stale issues (no activity for 14 days or more)", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_StaleThresholdFromPolicy_ShorterThresholdListsMore()
    {
        await FileAsync("Old ticket nobody answered", "support/tickets", "status/in-progress");
        _clock.Advance(TimeSpan.FromDays(10));
        await FileAsync("Recent work", "dev/qa", "status/queued");
        _clock.Advance(TimeSpan.FromDays(5));
        var policies = new AgentPolicies { Rules = new Core.Agents.Rules.AgentRules { Manager = new Core.Agents.Rules.ManagerRules { StaleAfterDays = 4 } } };

        var run = await RunWithContextAsync(AgentNames.Manager, FormBody.Of(("Request", "Route the vendor invoice")), title: "Vendor invoice", policies: policies);

        Assert.Equal([15, 5], run.Out("stale").AsArray().Select(s => s!["idleDays"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Manager_SimilarDescriptionDifferentTitle_FlaggedByTextSimilarity()
    {
        var earlier = await FileAsync("Refund duplicate card charge november subscription", "support/tickets", "status/queued");

        var run = await RunWithContextAsync(AgentNames.Manager, FormBody.Of(("Request", "Our card charge for the november subscription came twice; refund the duplicate.")), title: "Billing problem");

        var duplicate = Assert.Single(run.Out("possibleDuplicates").AsArray());
        Assert.Equal(earlier.Number, duplicate!["number"]!.GetValue<int>());
    }
}
