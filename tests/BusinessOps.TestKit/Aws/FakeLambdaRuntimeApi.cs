using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// The Lambda Runtime API (2018-06-01) on loopback: queue events with <see cref="Enqueue"/>, let a runtime long-poll
/// <c>/runtime/invocation/next</c>, and await what it posts back with <see cref="OutcomeAsync"/> or <see cref="InitError"/>.
/// </summary>
public sealed partial class FakeLambdaRuntimeApi : IAsyncDisposable
{
    public const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:businessops-agents";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Channel<(string Id, string Payload, DateTimeOffset Deadline)> _queue = Channel.CreateUnbounded<(string, string, DateTimeOffset)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FakeRuntimeOutcome>> _outcomes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<FakeRuntimeOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Releases a long-polling "next" when the fake stops.
    private readonly CancellationTokenSource _stopping = new();
    private int _nextCalls;

    private FakeLambdaRuntimeApi(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        app.Run(HandleAsync);
    }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:port</c>.</summary>
    public string RuntimeApi { get; private set; } = string.Empty;

    /// <summary>How many times a runtime asked for the next event.</summary>
    public int NextCalls => Volatile.Read(ref _nextCalls);

    /// <summary>Completes with the body posted to <c>/runtime/init/error</c>.</summary>
    public Task<FakeRuntimeOutcome> InitError => _initError.Task;

    public static async Task<FakeLambdaRuntimeApi> StartAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var api = new FakeLambdaRuntimeApi(builder.Build(), clock ?? TimeProvider.System);
        await api._app.StartAsync(cancellationToken);
        api.RuntimeApi = new Uri(api._app.Urls.First()).Authority;
        return api;
    }

    /// <summary>Queues one event; returns its request id.</summary>
    public string Enqueue(string payload, DateTimeOffset deadline, string? requestId = null)
    {
        var id = requestId ?? Guid.NewGuid().ToString();
        _outcomes.GetOrAdd(id, _ => new TaskCompletionSource<FakeRuntimeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite((id, payload, deadline));
        return id;
    }

    /// <summary>Completes when the runtime posts a response or an error for <paramref name="requestId"/>.</summary>
    public Task<FakeRuntimeOutcome> OutcomeAsync(string requestId) =>
        _outcomes.GetOrAdd(requestId, _ => new TaskCompletionSource<FakeRuntimeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (context.Request.Method == "GET" && path == "/2018-06-01/runtime/invocation/next")
        {
            await NextAsync(context);
            return;
        }

        if (context.Request.Method != "POST")
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault();
        if (path == "/2018-06-01/runtime/init/error")
        {
            _initError.TrySetResult(new FakeRuntimeOutcome(string.Empty, true, body, errorType, _clock.GetUtcNow()));
            context.Response.StatusCode = 202;
            return;
        }

        var match = OutcomePath().Match(path);
        if (!match.Success || !_outcomes.TryGetValue(Uri.UnescapeDataString(match.Groups[1].Value), out var outcome))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var isError = match.Groups[2].Value == "error";
        context.Response.StatusCode = outcome.TrySetResult(new FakeRuntimeOutcome(match.Groups[1].Value, isError, body, errorType, _clock.GetUtcNow())) ? 202 : 400;
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref _nextCalls);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        (string Id, string Payload, DateTimeOffset Deadline) next;
        try
        {
            next = await _queue.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            context.Response.StatusCode = 503;
            return;
        }

        context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.Id;
        context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
        context.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(next.Payload, CancellationToken.None);
    }

    [GeneratedRegex("^/2018-06-01/runtime/invocation/([^/]+)/(response|error)$")]
    private static partial Regex OutcomePath();
}
