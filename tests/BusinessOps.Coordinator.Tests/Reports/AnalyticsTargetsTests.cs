using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>
/// Issue 14, one set of KPIs: the analytics agent measures against the targets of <c>alerts.yml</c>, as the report and
/// the dashboard do, not against the built-in ones.
/// </summary>
public sealed class AnalyticsTargetsTests : IDisposable
{
    private readonly string _policies = Directory.CreateTempSubdirectory("businessops-targets-").FullName;

    public void Dispose() => Directory.Delete(_policies, recursive: true);

    [Fact]
    public async Task AnalyticsContext_KpisCarryTheTargetsOfAlertsYml()
    {
        await File.WriteAllTextAsync(Path.Combine(_policies, "alerts.yml"), "targets:\n  automationRate: 80%\n  slaCompliance: 90%\n  errorRate: 5%\n");
        var loaded = PolicyGate.LoadAll(_policies, TextWriter.Null);
        Assert.NotNull(loaded);
        var clock = new FakeTimeProvider(Some.Epoch);
        var store = new InMemoryIssueStore(clock);
        var issue = await store.CreateIssueAsync(new NewIssue("Weekly KPI briefing", "Report: KPIs", ["agent/analytics"]), CancellationToken.None);

        var context = await new DispatchContextBuilder(store, loaded.Policies, null, clock).BuildAsync(issue, AgentNames.Analytics, null, CancellationToken.None);

        var expected = new KpiTargets(0.80, 0.90, 0.05);
        Assert.Equal(expected, loaded.Policies.KpiTargets);
        Assert.Equal(3, context.Kpis!.Count);
        Assert.All(context.Kpis, k => Assert.Equal(expected, k.Targets));
    }
}
