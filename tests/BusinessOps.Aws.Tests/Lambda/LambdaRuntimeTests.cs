using System.Text.Json.Nodes;
using BusinessOps.Agents.Lambda;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Aws.Tests.Lambda;

public sealed class LambdaRuntimeTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_NextEvent_CallsHandlerAndPostsItsResponse()
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        await using var api = await FakeLambdaRuntimeApi.StartAsync(clock);
        using var stop = new CancellationTokenSource();
        LambdaInvocation? seen = null;
        var id = api.Enqueue("""{"key":"acme/shop#1/a1/plan"}""", clock.GetUtcNow().AddMinutes(5), "req-1");

        var loop = LambdaRuntime.RunAsync(api.RuntimeApi, (inv, _) => { seen = inv; return Task.FromResult("""{"outcome":"completed"}"""); }, null, clock, stop.Token);
        var outcome = await api.OutcomeAsync(id).WaitAsync(Safety);
        await stop.CancelAsync();

        Assert.False(outcome.IsError);
        Assert.Equal("""{"outcome":"completed"}""", outcome.Body);
        Assert.Equal("req-1", seen!.RequestId);
        Assert.Equal("""{"key":"acme/shop#1/a1/plan"}""", seen.Payload);
        Assert.Equal(FakeLambdaRuntimeApi.FunctionArn, seen.InvokedFunctionArn);
        Assert.StartsWith("Root=", seen.TraceId, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds(), seen.Deadline.ToUnixTimeMilliseconds());
        Assert.Equal(0, await loop.WaitAsync(Safety));
    }

    [Fact]
    public async Task RunAsync_SeveralEvents_ProcessesThemInOrderInOneLoop()
    {
        await using var api = await FakeLambdaRuntimeApi.StartAsync();
        using var stop = new CancellationTokenSource();
        var ids = Enumerable.Range(1, 3).Select(i => api.Enqueue($"{i}", DateTimeOffset.UtcNow.AddMinutes(5))).ToList();

        var loop = LambdaRuntime.RunAsync(api.RuntimeApi, (inv, _) => Task.FromResult("echo " + inv.Payload), null, TimeProvider.System, stop.Token);
        var bodies = new List<string>();
        foreach (var id in ids)
        {
            bodies.Add((await api.OutcomeAsync(id).WaitAsync(Safety)).Body);
        }

        await stop.CancelAsync();
        Assert.Equal(["echo 1", "echo 2", "echo 3"], bodies);
        Assert.Equal(0, await loop.WaitAsync(Safety));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsTheErrorAndKeepsServing()
    {
        await using var api = await FakeLambdaRuntimeApi.StartAsync();
        using var stop = new CancellationTokenSource();
        var bad = api.Enqueue("bad", DateTimeOffset.UtcNow.AddMinutes(5));
        var good = api.Enqueue("good", DateTimeOffset.UtcNow.AddMinutes(5));

        var loop = LambdaRuntime.RunAsync(
            api.RuntimeApi, (inv, _) => inv.Payload == "bad" ? throw new InvalidDataException("issue body is not valid") : Task.FromResult("ok"), null, TimeProvider.System, stop.Token);
        var error = await api.OutcomeAsync(bad).WaitAsync(Safety);
        var next = await api.OutcomeAsync(good).WaitAsync(Safety);
        await stop.CancelAsync();

        Assert.True(error.IsError);
        Assert.Equal("Unhandled", error.ErrorTypeHeader);
        var body = JsonNode.Parse(error.Body)!;
        Assert.Equal("issue body is not valid", (string?)body["errorMessage"]);
        Assert.Equal("InvalidDataException", (string?)body["errorType"]);
        Assert.False(next.IsError);
        await loop.WaitAsync(Safety);
    }

    [Fact]
    public async Task RunAsync_HandlerOutlivesTheDeadline_IsCancelledBeforeItAndPostsDeadlineExceeded()
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        await using var api = await FakeLambdaRuntimeApi.StartAsync(clock);
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerSawCancellation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = api.Enqueue("slow", clock.GetUtcNow().AddSeconds(3));

        var loop = LambdaRuntime.RunAsync(
            api.RuntimeApi,
            async (_, ct) =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                    handlerSawCancellation.TrySetResult();
                    throw;
                }

                return "never";
            },
            null,
            clock,
            stop.Token);
        await started.Task.WaitAsync(Safety);
        clock.Advance(TimeSpan.FromSeconds(3) - LambdaRuntime.DeadlineMargin - TimeSpan.FromMilliseconds(1));
        Assert.False(api.OutcomeAsync(id).IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var outcome = await api.OutcomeAsync(id).WaitAsync(Safety);
        await stop.CancelAsync();

        Assert.True(outcome.IsError);
        Assert.Equal("DeadlineExceeded", (string?)JsonNode.Parse(outcome.Body)!["errorType"]);
        Assert.True(outcome.At < clock.GetUtcNow().AddSeconds(3), "the error must be posted before the deadline");
        // The runtime stops waiting at the deadline (WaitAsync) and the handler observes its token on its own schedule.
        await handlerSawCancellation.Task.WaitAsync(Safety);
        await loop.WaitAsync(Safety);
    }

    [Fact]
    public async Task ReportInitErrorAsync_PostsToInitError()
    {
        await using var api = await FakeLambdaRuntimeApi.StartAsync();

        await LambdaRuntime.ReportInitErrorAsync(api.RuntimeApi, new InvalidOperationException("GITHUB_TOKEN secret is missing"), null, CancellationToken.None);

        var error = await api.InitError.WaitAsync(Safety);
        Assert.Equal("Runtime.InitError", error.ErrorTypeHeader);
        Assert.Equal("GITHUB_TOKEN secret is missing", (string?)JsonNode.Parse(error.Body)!["errorMessage"]);
        Assert.Equal("InvalidOperationException", (string?)JsonNode.Parse(error.Body)!["errorType"]);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiUnreachable_ReturnsTheNamedExitCode()
    {
        string unreachable;
        await using (var api = await FakeLambdaRuntimeApi.StartAsync())
        {
            unreachable = api.RuntimeApi;
        }

        var code = await LambdaRuntime.RunAsync(unreachable, (_, _) => Task.FromResult("x"), null, TimeProvider.System, CancellationToken.None).WaitAsync(Safety);

        Assert.Equal(LambdaRuntime.RuntimeApiUnavailable, code);
    }
}
