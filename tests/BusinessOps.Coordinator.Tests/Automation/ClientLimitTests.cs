using BusinessOps.Coordinator.Tests.Reconcile;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, clients on a real pass: a client over its own daily spending limit stops dispatching for that client only
/// (until the next UTC day), and an issue naming a client without a profile goes to triage with a clear comment.
/// </summary>
public sealed class ClientLimitTests
{
    private const string Tenants = """
        clients:
          acme:
            name: Acme Outdoor Co.
            limits:
              dailySpendUsd: 0.05
          globex:
            name: Globex Analytics
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 9, 16, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task Passes_ClientOverItsDailyLimit_ItsIssuesWaitOthersRunNextDayItRuns()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["tenants.yml"] = Tenants }, Start);
        s.Executor.Script = r => Plans.Result(r, AgentOutcome.Completed, Classification.Routine, 0.05m);
        await s.Inner.FileAsync("Acme lead one", "### Scope\n\nall", "sales/leads", "client/acme", "priority/P3");
        await s.PassAsync();
        Assert.Single(s.Executor.Requests);

        var acme = await s.Inner.FileAsync("Acme lead two", "### Scope\n\nall", "sales/leads", "client/acme", "priority/P3");
        var globex = await s.Inner.FileAsync("Globex lead", "### Scope\n\nall", "sales/leads", "client/globex", "priority/P3");
        await s.PassAsync();
        var again = await s.PassAsync();

        Assert.Contains(s.Executor.Requests, r => r.Issue.Number == globex);
        Assert.DoesNotContain(s.Executor.Requests, r => r.Issue.Number == acme);
        var waiting = await s.Inner.IssueAsync(acme);
        Assert.Contains("status/queued", waiting.Labels);
        var note = Assert.Single(waiting.Comments, c => c.Body.Contains("daily limit", StringComparison.Ordinal));
        Assert.Contains("`acme`", note.Body, StringComparison.Ordinal);
        Assert.Contains("dailySpendUsd", note.Body, StringComparison.Ordinal);
        Assert.Contains("2026-11-10 00:00 UTC", note.Body, StringComparison.Ordinal);
        Assert.Equal(0, again.Writes);

        s.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 0, 5, 0, TimeSpan.Zero));
        await s.PassAsync();

        Assert.Single(s.Executor.Requests, r => r.Issue.Number == acme);
    }

    [Fact]
    public async Task RunOnce_IssueNamingAClientWithoutProfile_NeedsTriageWithOneClearComment()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["tenants.yml"] = Tenants }, Start);
        s.Executor.Script = Plans.Routine;
        var issue = await s.Inner.FileAsync("Initech lead", "### Scope\n\nall", "sales/leads", "client/initech", "priority/P3");

        await s.PassAsync();
        var again = await s.PassAsync();

        Assert.Empty(s.Executor.Requests);
        var triaged = await s.Inner.IssueAsync(issue);
        Assert.Contains("status/needs-triage", triaged.Labels);
        var note = Assert.Single(triaged.Comments, c => c.Body.Contains("initech", StringComparison.Ordinal) && !c.Body.Contains("businessops:state", StringComparison.Ordinal));
        Assert.Contains("no profile for client 'initech'", note.Body, StringComparison.Ordinal);
        Assert.Contains("known clients: acme, globex", note.Body, StringComparison.Ordinal);
        Assert.Equal(0, again.Writes);
    }
}
