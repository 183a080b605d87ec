using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BusinessOps.Agents.Lambda;

/// <summary>
/// The Lambda Runtime API loop of a custom runtime (<c>provided.al2023</c>): fetch the next event, run the handler with a
/// token that fires shortly before the invocation's deadline, post the response or the error, repeat until cancelled.
/// BCL only, so it adds nothing to the agents' cold start.
/// </summary>
public static class LambdaRuntime
{
    /// <summary>Exit code when the Runtime API cannot be reached (Lambda then restarts the environment).</summary>
    public const int RuntimeApiUnavailable = 1;

    /// <summary>How long before the deadline the handler's token fires, leaving time to post the error.</summary>
    public static TimeSpan DeadlineMargin { get; } = TimeSpan.FromMilliseconds(500);

    private const string ApiVersion = "2018-06-01";

    /// <summary>Runs the loop; <paramref name="clock"/> drives the deadline token (tests pass a fake clock). Returns 0 when cancelled.</summary>
    public static async Task<int> RunAsync(
        string runtimeApi, Func<LambdaInvocation, CancellationToken, Task<string>> handler, HttpClient? http, TimeProvider clock, CancellationToken ct)
    {
        var owned = http is null;

        // The "next" call long-polls until an event arrives, so the client must never time out on its own.
        http ??= new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var api = BaseUri(runtimeApi);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                LambdaInvocation invocation;
                try
                {
                    invocation = await NextAsync(http, api, clock, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return 0;
                }
                catch (HttpRequestException e)
                {
                    await Console.Error.WriteLineAsync($"lambda runtime: cannot reach the Runtime API at {runtimeApi}: {e.Message}");
                    return RuntimeApiUnavailable;
                }

                await InvokeAsync(http, api, invocation, handler, clock, ct);
            }

            return 0;
        }
        finally
        {
            if (owned)
            {
                http.Dispose();
            }
        }
    }

    /// <summary>Reports a failure before the loop could start (bad configuration, missing secret) to <c>/runtime/init/error</c>.</summary>
    public static async Task ReportInitErrorAsync(string runtimeApi, Exception error, HttpClient? http, CancellationToken ct)
    {
        var owned = http is null;
        http ??= new HttpClient();
        try
        {
            using var response = await PostErrorAsync(http, new Uri(BaseUri(runtimeApi), "runtime/init/error"), error.Message, error.GetType().Name, "Runtime.InitError", ct);
        }
        finally
        {
            if (owned)
            {
                http.Dispose();
            }
        }
    }

    private static Uri BaseUri(string runtimeApi) =>
        new(runtimeApi.Contains("://", StringComparison.Ordinal) ? $"{runtimeApi.TrimEnd('/')}/{ApiVersion}/" : $"http://{runtimeApi}/{ApiVersion}/");

    private static async Task<LambdaInvocation> NextAsync(HttpClient http, Uri api, TimeProvider clock, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(api, "runtime/invocation/next"), ct);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsStringAsync(ct);
        var id = Header(response, "Lambda-Runtime-Aws-Request-Id") ?? throw new HttpRequestException("the Runtime API sent an event without Lambda-Runtime-Aws-Request-Id");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : clock.GetUtcNow().AddMinutes(15); // Lambda's maximum timeout, when the header is missing.
        var trace = Header(response, "Lambda-Runtime-Trace-Id");
        if (trace is not null)
        {
            // Custom runtimes expose the trace header to the function code this way (Lambda documentation).
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", trace);
        }

        return new LambdaInvocation(id, payload, deadline, Header(response, "Lambda-Runtime-Invoked-Function-Arn"), trace);
    }

    private static async Task InvokeAsync(
        HttpClient http, Uri api, LambdaInvocation invocation, Func<LambdaInvocation, CancellationToken, Task<string>> handler, TimeProvider clock, CancellationToken ct)
    {
        var remaining = invocation.Deadline - clock.GetUtcNow() - DeadlineMargin;
        using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var target = new Uri(api, $"runtime/invocation/{Uri.EscapeDataString(invocation.RequestId)}/");
        string? result = null;
        (string Message, string Type)? failure = null;
        try
        {
            // WaitAsync: a handler that ignores its token still cannot hold the invocation past the deadline.
            result = await handler(invocation, linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            failure = ($"The agent did not finish before the Lambda deadline ({invocation.Deadline:O}); raise the function timeout or move this priority to Batch.", "DeadlineExceeded");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            failure = ("The runtime is shutting down.", "Runtime.Shutdown");
        }
#pragma warning disable CA1031 // Any handler failure must become an /error post, or the invocation would hang until its timeout.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = (e.Message, e.GetType().Name);
        }

        try
        {
            if (failure is { } f)
            {
                using var _ = await PostErrorAsync(http, new Uri(target, "error"), f.Message, f.Type, "Unhandled", CancellationToken.None);
                return;
            }

            using var content = new StringContent(result ?? string.Empty, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(target, "response"), content, CancellationToken.None);
            if ((int)response.StatusCode == 413)
            {
                using var __ = await PostErrorAsync(http, new Uri(target, "error"), "The agent's result exceeds Lambda's response size limit.", "ResponseTooLarge", "Unhandled", CancellationToken.None);
            }
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"lambda runtime: could not post the outcome of {invocation.RequestId}: {e.Message}");
        }
    }

    private static async Task<HttpResponseMessage> PostErrorAsync(HttpClient http, Uri uri, string message, string type, string errorTypeHeader, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new LambdaErrorBody(message, type), LambdaRuntimeJson.Default.LambdaErrorBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorTypeHeader);
        return await http.SendAsync(request, ct);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
