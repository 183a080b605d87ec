using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>1,000 issues filed at once against a fake enforcing GitHub's 80 content writes per minute (fake clock).</summary>
public sealed class BurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunOnce_ThousandIssuesAtOnce_NoSecondaryLimitAndEveryP0BeforeAnyP3()
    {
        await using var s = await GitHubScenario.StartAsync();
        Assert.Equal(80, s.Server.ContentLimitPerMinute);

        var f = await GitHubScenarios.BurstAsync(s, 1_000, CancellationToken.None);

        output.WriteLine(f.Pass.ToString());
        output.WriteLine($"min write gap {f.MinWriteGap.TotalSeconds} s, max writes in a minute {f.MaxWritesPerMinute}, in an hour {f.MaxWritesPerHour}, last P0 at {f.LastP0}, first P3 at {f.FirstP3}");
        Assert.Equal(0, f.Pass.SecondaryLimitResponses);
        Assert.Equal(1_000, f.Order.Count);
        Assert.True(f.LastP0 < f.FirstP3, $"last P0 dispatched at {f.LastP0}, first P3 at {f.FirstP3}");
        Assert.Equal(f.Order.Order().ToList(), f.Order);
        Assert.True(f.MinWriteGap >= TimeSpan.FromSeconds(1), f.MinWriteGap.ToString());
        Assert.True(f.MaxWritesPerMinute <= 80, f.MaxWritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
    [Fact(Skip = "BUG (docs/benchmarks/github.md, finding 2): GitHub also limits content creation to 500 requests per hour; the pacer "
        + "(RequestPacer, 1 write/s) sends ~3,600 per hour and the fake enforces only the 80-per-minute window, so this burst would meet secondary limits on GitHub.")]
    public async Task RunOnce_ThousandIssuesAtOnce_AtMost500WritesInAnyHour()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.BurstAsync(s, 1_000, CancellationToken.None);

        Assert.True(f.MaxWritesPerHour <= 500, f.MaxWritesPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
