using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Lambda;

public sealed class LambdaColdStartScenarioTests
{
    [Fact]
    public async Task MeasureAsync_MinimalShellRuntime_TimesProcessStartToFirstResponse()
    {
        // A four-line custom runtime in sh + curl (answer one event, then long-poll for the next like a real runtime)
        // stands in for an agent, so the helper is proven without AgentHost.
        const string Runtime = """
            api="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation"
            id=$(curl -sS -D - -o /dev/null "$api/next" | tr -d '\r' | sed -n 's/^[Ll]ambda-[Rr]untime-[Aa]ws-[Rr]equest-[Ii]d: //p')
            curl -sS -X POST -d '{"outcome":"completed"}' "$api/$id/response" >/dev/null
            curl -sS "$api/next" >/dev/null
            """;

        var result = await LambdaColdStartScenario.MeasureAsync("/bin/sh", ["-c", Runtime], "{}", runs: 2, perRunTimeout: TimeSpan.FromSeconds(30));

        Assert.Equal(2, result.Runs);
        Assert.False(result.LastOutcome.IsError);
        Assert.Equal("""{"outcome":"completed"}""", result.LastOutcome.Body);
        Assert.InRange(result.P50Ms, 0.1, 30_000);
    }
}
