using BusinessOps.Core.Kpis;
using BusinessOps.TestKit.GitHub;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>The pinned dashboard on the fake GitHub: requests counted per pass.</summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    private void Show(string name, IReadOnlyList<FakeRequest> requests) =>
        output.WriteLine($"{name}: {requests.Count} request(s) {string.Join(", ", requests.Select(r => r.Method + " " + r.Path))}");

    private static int Writes(IReadOnlyList<FakeRequest> requests) => requests.Count(r => r.IsWrite && !r.Path.EndsWith("/graphql", StringComparison.Ordinal));

    private static int Dashboards(FakeGitHubServer server) =>
        Enumerable.Range(1, server.IssueCount).Count(n => server.GetIssue(n)?.Title == "Operations dashboard");

    [Fact]
    public async Task Update_FirstPassCreatesAndPins_UnchangedPassesSendNothing()
    {
        await using var h = await DashboardHarness.StartAsync();
        h.Server.SeedIssues(3, ["operations/monitoring", "priority/P2"]);

        var (first, created) = await h.PassAsync();
        var (_, second) = await h.PassAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var (_, later) = await h.PassAsync();

        Show("first", created);
        Show("second", second);
        Assert.Equal(1, Writes(created));
        Assert.Single(created, r => r.Method == "POST" && r.Path.EndsWith("/issues", StringComparison.Ordinal));
        Assert.True(h.Server.IsPinned(first.Issue!.Value));
        Assert.Contains(DashboardMarkerText, h.Server.GetIssue(first.Issue.Value)!.Body, StringComparison.Ordinal);
        Assert.Empty(second);
        Assert.Empty(later);
        Assert.Equal(1, Dashboards(h.Server));
    }

    [Fact]
    public async Task Update_SomeoneEditedTheBody_RepairedWithOneWrite_ThenQuiet()
    {
        await using var h = await DashboardHarness.StartAsync();
        h.Server.SeedIssues(2, ["operations/monitoring"]);
        var (first, _) = await h.PassAsync();
        var original = h.Server.GetIssue(first.Issue!.Value)!.Body;
        h.Server.EditIssueBody(first.Issue.Value, "All fine here, nothing to see.");

        var (repair, repaired) = await h.PassAsync();
        var (_, after) = await h.PassAsync();

        Show("repair", repaired);
        Assert.Equal(first.Issue, repair.Issue);
        Assert.Equal(1, Writes(repaired));
        Assert.Single(repaired, r => r.Method == "PATCH" && r.Path.EndsWith("/issues/" + first.Issue, StringComparison.Ordinal));
        Assert.Equal(Strip(original), Strip(h.Server.GetIssue(first.Issue.Value)!.Body));
        Assert.Empty(after);
    }

    [Fact]
    public async Task Update_SomeoneClosedIt_ReopenedNotDuplicated()
    {
        await using var h = await DashboardHarness.StartAsync();
        h.Server.SeedIssues(1, ["operations/monitoring"]);
        var (first, _) = await h.PassAsync();
        h.Server.SetClosed(first.Issue!.Value, closed: true);

        var (again, requests) = await h.PassAsync();

        Show("reopen", requests);
        Assert.Equal(first.Issue, again.Issue);
        Assert.False(h.Server.GetIssue(first.Issue.Value)!.Closed);
        Assert.Equal(1, Dashboards(h.Server));
        Assert.Equal(1, Writes(requests));
    }

    [Fact]
    public async Task Update_SomeoneUnpinnedIt_PinnedAgain()
    {
        await using var h = await DashboardHarness.StartAsync();
        h.Server.SeedIssues(1, ["operations/monitoring"]);
        var (first, _) = await h.PassAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        h.Server.SetPinned(first.Issue!.Value, pinned: false);

        var (_, requests) = await h.PassAsync();
        var (_, after) = await h.PassAsync();

        Show("repin", requests);
        Assert.True(h.Server.IsPinned(first.Issue.Value));
        Assert.Equal(2, requests.Count(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal)));
        Assert.Equal(0, Writes(requests));
        Assert.Single(after);
    }

    [Fact]
    public async Task Update_DeletedMarkerButOurTitle_IsRepairedNotDuplicated()
    {
        await using var h = await DashboardHarness.StartAsync();
        var (first, _) = await h.PassAsync();
        h.Server.EditIssueBody(first.Issue!.Value, "I removed the marker.");

        var (again, _) = await h.PassAsync();

        Assert.Equal(first.Issue, again.Issue);
        Assert.Equal(1, Dashboards(h.Server));
        Assert.Contains(DashboardMarkerText, h.Server.GetIssue(first.Issue.Value)!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_SlaBreach_RaisedOnceMentioningTheOnCall_ThenResolvedWithANotice()
    {
        await using var h = await DashboardHarness.StartAsync();
        var breached = h.Server.SeedIssue("Checkout is down @everyone", labels: ["operations/monitoring", "priority/P0", "status/in-progress", "sla/breached"]);

        var (raised, _) = await h.PassAsync();
        var (quiet, quietRequests) = await h.PassAsync();
        Show("quiet", quietRequests);
        var dashboard = raised.Issue!.Value;
        var body = h.Server.GetIssue(dashboard)!.Body;

        Assert.Equal(1, raised.Raised);
        var alert = Assert.Single(h.Server.GetIssue(dashboard)!.Comments);
        Assert.Contains("@oncall-ann", alert.Body, StringComparison.Ordinal);
        Assert.Contains($"SLA breached on #{breached}", alert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", alert.Body, StringComparison.Ordinal);
        Assert.Contains($"SLA breached on #{breached}", body, StringComparison.Ordinal);
        Assert.Equal(0, quiet.Raised);
        Assert.Empty(quietRequests);

        await h.RemoveLabelAsync(breached, "sla/breached");
        var (resolved, _) = await h.PassAsync();

        Assert.Equal(1, resolved.Resolved);
        var comments = h.Server.GetIssue(dashboard)!.Comments;
        Assert.Equal(2, comments.Count);
        Assert.Contains("Resolved", comments[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"SLA breached on #{breached}", h.Server.GetIssue(dashboard)!.Body, StringComparison.Ordinal);
        Assert.Equal(0, (await h.PassAsync()).Outcome.Writes);
    }

    [Fact]
    public async Task Alerts_FailingExecutor_KeptWhileUnused_ResolvedByAHealthyPass()
    {
        await using var h = await DashboardHarness.StartAsync();
        var failing = new AlertSignals(new Dictionary<string, ExecutorRuns> { ["batch"] = new(5, 4) }, []);
        var idle = AlertSignals.None;
        var healthy = new AlertSignals(new Dictionary<string, ExecutorRuns> { ["batch"] = new(5, 0) }, []);

        var raised = (await h.PassAsync(failing)).Outcome;
        var kept = (await h.PassAsync(idle)).Outcome;
        var resolved = (await h.PassAsync(healthy)).Outcome;

        Assert.Equal((1, 0), (raised.Raised, raised.Resolved));
        Assert.Equal((0, 0, 0), (kept.Raised, kept.Resolved, kept.Writes));
        Assert.Equal((0, 1), (resolved.Raised, resolved.Resolved));
    }

    private const string DashboardMarkerText = "<!-- businessops:dashboard ";

    private static string Strip(string body) => body[..body.IndexOf(DashboardMarkerText, StringComparison.Ordinal)];
}
