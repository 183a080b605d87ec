using System.Text.Json;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, clients: a client's workflow runs end to end and every context handed to its agents holds that client's
/// profile and issues only — chosen by the <c>client/</c> label, never by the issue's text — while another client's
/// issues sit in the same store.
/// </summary>
public sealed class ClientIsolationTests
{
    private const string Tenants = """
        clients:
          acme:
            name: Acme Outdoor Co.
            context: Outdoor gear retailer.
          globex:
            name: Globex Analytics
            context: Globex confidential logistics platform.
        """;

    private const string Report = """
        title: Client report
        steps:
          - id: numbers
            agent: analytics
            labels: [analytics/reporting]
          - id: summary
            agent: project-manager
            labels: [management/oversight]
            needs: [numbers]
        """;

    [Fact]
    public async Task Passes_AcmeWorkflow_NoContextCarriesAnotherClientsData()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["tenants.yml"] = Tenants, ["workflows/report.yml"] = Report }, new DateTimeOffset(2026, 11, 9, 16, 5, 0, TimeSpan.Zero));
        s.Executor.Script = r => AutoShell.With(r, """{"ok":true}""");
        await s.Inner.FileAsync("Globex churn numbers", "### Request\n\nGlobex pipeline value 4.2M", "analytics/kpi", "client/globex", "priority/P3");
        await s.Inner.FileAsync("Acme spring campaign", "### Request\n\nAcme engagement", "analytics/kpi", "client/acme", "priority/P3");

        // The parent's inputs ask for globex's data: the label decides, not the text.
        var started = WorkflowStarter.Start(s.Automation.Workflows["report"], new System.Text.Json.Nodes.JsonObject { ["client"] = "globex" }, "acme", "iso");
        var parent = await s.Step().StartWorkflowAsync(s.Store, started.Parent!, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            await s.PassAsync();
            s.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var workflowRuns = s.Executor.Requests.Where(r => r.Issue.Title.Contains($"#{parent.Number}]", StringComparison.Ordinal)).ToList();
        Assert.Equal([AgentNames.Analytics, AgentNames.ProjectManager], workflowRuns.Select(r => r.Agent).Distinct());
        foreach (var run in workflowRuns)
        {
            Assert.Equal("acme", run.Tenant);
            Assert.Equal("acme", run.AgentContext.Client?.Id);
            var context = JsonSerializer.Serialize(run.AgentContext, AgentContextJson.Wire.DispatchContext);
            Assert.Contains("Acme spring campaign", context, StringComparison.Ordinal);
            Assert.DoesNotContain("Globex", context, StringComparison.OrdinalIgnoreCase);
        }
    }
}
