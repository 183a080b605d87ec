using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
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
    private async Task<AgentRun> RunWithContextAsync(string agent, string body, string? tenant = null, string title = "report")
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

    [Fact]
    public async Task Analytics_Context_KpisByAgentAndPriority()
    {
        await SeedAsync();

        var run = await RunWithContextAsync(AgentNames.Analytics, FormBody.Of(("Period", "30")));

        // 9 processed (status label): 3 done, one of them approved by a human, one breached; failed + escalated = 2 errors.
        Assert.Equal(9, run.Num("processed"));
        Assert.Equal(3, run.Num("done"));
        Assert.Equal(0.1, run.Num("throughputPerDay"));
        Assert.Equal(0.2222, run.Num("automationRate"));
        Assert.Equal(0.6667, run.Num("slaCompliance"));
        Assert.Equal(0.2222, run.Num("errorRate"));
        var byAgent = run.Out("byAgent");
        Assert.Equal(3, byAgent[AgentNames.Qa]!["total"]!.GetValue<int>());
        Assert.Equal(1.0, byAgent[AgentNames.Security]!["automationRate"]!.GetValue<double>());
        Assert.Equal(4, run.Out("byPriority")["P2"]!["total"]!.GetValue<int>());
        Assert.Equal(2, run.Out("byPriority")["none"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Analytics_ShortPeriod_ExcludesOlderIssues()
    {
        await SeedAsync();

        var run = await RunWithContextAsync(AgentNames.Analytics, FormBody.Of(("Period", "1")));

        Assert.Equal(1, run.Num("processed"));
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
    public async Task Manager_NoSimilarTitle_NoDuplicates()
    {
        await SeedAsync();

        var run = await RunWithContextAsync(AgentNames.Manager, FormBody.Of(("Request", "Please pay the vendor invoice")), title: "Vendor invoice payment");

        Assert.Empty(run.Out("possibleDuplicates").AsArray());
        Assert.Equal(10, run.Num("comparedWith"));
    }
}
