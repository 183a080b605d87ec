using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class SampleIssuesTests
{
    private static readonly IReadOnlyList<SampleIssue> Samples = SampleIssues.Build(new DateOnly(2026, 11, 2));

    [Fact]
    public void Build_Coverage_TwoPerAgentPrioritiesClientsAndBrokenOnes()
    {
        foreach (var agent in AgentNames.All)
        {
            Assert.True(Samples.Count(s => s.Agent == agent && !s.ExpectNeedsTriage) >= 2, agent);
        }

        foreach (var p in new[] { "priority/P0", "priority/P1", "priority/P2", "priority/P3" })
        {
            Assert.Contains(Samples, s => s.Labels.Contains(p));
        }

        Assert.Contains(Samples, s => !s.Labels.Any(l => l.StartsWith("priority/", StringComparison.Ordinal)));
        Assert.Contains(Samples, s => s.Labels.Contains("client/acme"));
        Assert.Contains(Samples, s => s.Labels.Contains("client/globex"));
        var unroutable = Assert.Single(Samples, s => s.Agent is null);
        Assert.All(unroutable.Labels, l => Assert.Null(RoutingPolicy.Default.Match(l)));
    }

    [Fact]
    public void Build_RoutedSamples_RouteToTheirAgent()
    {
        foreach (var s in Samples.Where(s => s.Agent is not null))
        {
            var rule = s.Labels.Select(RoutingPolicy.Default.Match).First(r => r is not null);
            Assert.Equal(s.Agent, rule!.Agent);
        }
    }

    [Fact]
    public async Task ProcessAsync_EverySample_ExpectedExitAndFirstOfEachAgentCompletes()
    {
        foreach (var (s, i) in Samples.Where(s => s.Agent is not null).Select((s, i) => (s, i + 1)))
        {
            var issue = Agents.Issue(s.Body, i, s.Title, s.Labels, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
            var run = await AgentHost.ProcessAsync(Agents.Of(s.Agent!), issue, $"local/ops#{i}/a1/plan", "plan", null, CancellationToken.None);

            var expected = s.ExpectNeedsTriage ? ExitCodes.BadInput : s.ExpectFailure ? ExitCodes.Failure : ExitCodes.Ok;
            Assert.True(run.ExitCode == expected, s.Title + ": " + run.Result.Summary);
            if (s == Samples.First(x => x.Agent == s.Agent))
            {
                Assert.True(run.Result.Outcome == AgentOutcome.Completed, s.Title + ": " + run.Result.Outcome);
            }

            Assert.InRange(run.Result.Confidence, 0.1, 1.0);
            Assert.True(run.Result.CostUsd >= CostModel.BaseUsd);
        }
    }

    [Fact]
    public void Build_HealthUrl_UsedByFirstOperationsSample()
    {
        var samples = SampleIssues.Build(new DateOnly(2026, 11, 2), "http://127.0.0.1:5055/health");

        Assert.Contains("http://127.0.0.1:5055/health", samples.First(s => s.Agent == AgentNames.Operations).Body, StringComparison.Ordinal);
    }
}
