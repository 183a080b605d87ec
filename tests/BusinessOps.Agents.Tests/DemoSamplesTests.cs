using BusinessOps.Agents.Samples;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>The demo samples of the analytics and security agents show the new work with the built-in policies.</summary>
public sealed class DemoSamplesTests
{
    private static readonly IReadOnlyList<SampleIssue> Samples = SampleIssues.Build(new DateOnly(2026, 11, 2));

    [Fact]
    public async Task AnalyticsBriefingSample_MetricsComparedNothingUrgent()
    {
        var sample = Samples.Where(s => s.Agent == AgentNames.Analytics).ElementAt(1);

        var run = await Agents.RunAsync(AgentNames.Analytics, sample.Body);

        Assert.Equal("2026-11-01", run.Str("metricsDay"));
        Assert.Empty(run.Out("urgent").AsArray());
        Assert.StartsWith("## Morning briefing 2026-11-01", run.Result.Plan, StringComparison.Ordinal);
        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task SecurityReleaseSample_BuiltInAdvisoryFindsThePlantedVersion()
    {
        var sample = Samples.Where(s => s.Agent == AgentNames.Security).ElementAt(1);

        var run = await Agents.RunAsync(AgentNames.Security, sample.Body);

        Assert.Equal("GHSA-5crp-9r3c-p9vr", Assert.Single(run.Out("vulnerableDependencies").AsArray())!["advisory"]!.GetValue<string>());
        Assert.Equal(75, run.Num("score"));
    }
}
