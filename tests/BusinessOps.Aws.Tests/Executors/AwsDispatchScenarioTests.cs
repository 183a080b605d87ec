using System.Globalization;
using BusinessOps.TestKit.Aws;
using Xunit.Abstractions;

namespace BusinessOps.Aws.Tests.Executors;

public sealed class AwsDispatchScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MeasureAsync_SmallRun_ProducesSaneNumbers()
    {
        // AWS_SCENARIO_COUNT=1000 turns this smoke test into the full measurement recorded in docs/BENCHMARKS.md.
        var count = int.TryParse(Environment.GetEnvironmentVariable("AWS_SCENARIO_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 30;

        var result = await AwsDispatchScenario.MeasureAsync(count, burst: count >= 500 ? 500 : 60);

        output.WriteLine(result.ToString());
        Assert.InRange(result.LambdaP50Ms, 0.001, result.LambdaP95Ms);
        Assert.InRange(result.BatchP50Ms, 0.001, result.BatchP95Ms);
        Assert.True(result.Pacing.MaxPerSecond <= 40);
        Assert.Equal(result.Pacing.Burst, result.Pacing.JobsCreated);
    }
}
