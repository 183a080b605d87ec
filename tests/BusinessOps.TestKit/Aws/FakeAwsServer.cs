using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Aws;
using BusinessOps.Aws.Credentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Fake AWS Lambda and Batch endpoints on Kestrel (127.0.0.1, port 0). Every request's SigV4 signature is recomputed
/// with the known test secret (403 InvalidSignatureException otherwise) and its shape checked against the API
/// reference (400 with the reason otherwise). Keeps jobs whose statuses tests script, counts calls, and injects faults.
/// </summary>
public sealed partial class FakeAwsServer : IAsyncDisposable
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string Account = "123456789012";

    private static readonly string[] Lifecycle = ["SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED"];

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<FakeAwsCall> _calls = [];
    private readonly Dictionary<string, (FakeAwsFault Fault, int Remaining)> _faults = new(StringComparer.Ordinal);
    private readonly List<FakeBatchJob> _jobs = [];
    private readonly List<FakeLambdaInvocation> _invocations = [];
    private readonly List<(string Operation, int Count, TaskCompletionSource Done)> _callWaiters = [];

    // Ends hung requests when the server stops, so disposal never waits for a client that gave up.
    private readonly CancellationTokenSource _stopping = new();
    private int _sequence;

    private FakeAwsServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        app.Run(HandleAsync);
    }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Lambda functions that exist.</summary>
    public ISet<string> Functions { get; } = new HashSet<string>(StringComparer.Ordinal) { "businessops-agents" };

    /// <summary>Batch job queues that exist (by name).</summary>
    public ISet<string> Queues { get; } = new HashSet<string>(StringComparer.Ordinal) { "businessops-agents" };

    /// <summary>Batch job definitions that exist (by name, any revision).</summary>
    public ISet<string> JobDefinitions { get; } = new HashSet<string>(StringComparer.Ordinal) { "businessops-agent" };

    /// <summary>When set, requests must carry exactly this X-Amz-Security-Token.</summary>
    public string? ExpectedSessionToken { get; set; }

    /// <summary>Settings pointing both services at this server.</summary>
    public AwsSettings Settings => new(Region, Endpoint, Endpoint);

    /// <summary>The known test credentials.</summary>
    public IAwsCredentialSource Credentials => new StaticCredentialSource(new AwsCredentials(AccessKeyId, SecretAccessKey, ExpectedSessionToken), "test keys");

    public IReadOnlyList<FakeAwsCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeBatchJob> Jobs
    {
        get
        {
            lock (_gate)
            {
                return [.. _jobs];
            }
        }
    }

    public IReadOnlyList<FakeLambdaInvocation> Invocations
    {
        get
        {
            lock (_gate)
            {
                return [.. _invocations];
            }
        }
    }

    public static async Task<FakeAwsServer> StartAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = 8 * 1024 * 1024;
        });
        var server = new FakeAwsServer(builder.Build(), clock ?? TimeProvider.System);
        await server._app.StartAsync(cancellationToken);
        server.Endpoint = new Uri(server._app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>An environment that points the production factory at this server.</summary>
    public Dictionary<string, string?> Environment() => new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = ExpectedSessionToken,
    };

    /// <summary>Answers <paramref name="operation"/> (<c>Invoke</c>, <c>SubmitJob</c>, <c>DescribeJobs</c>, <c>ListJobs</c>) with a fault, <paramref name="times"/> times.</summary>
    public void Fail(string operation, FakeAwsFault fault, int times = int.MaxValue)
    {
        lock (_gate)
        {
            _faults[operation] = (fault, times);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Requests received for <paramref name="operation"/> (every outcome).</summary>
    public int CallCount(string operation)
    {
        lock (_gate)
        {
            return _calls.Count(c => c.Operation == operation);
        }
    }

    /// <summary>Completes once <paramref name="operation"/> has been received at least <paramref name="count"/> times.</summary>
    public Task WhenCallCountAsync(string operation, int count)
    {
        lock (_gate)
        {
            if (_calls.Count(c => c.Operation == operation) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _callWaiters.Add((operation, count, done));
            return done.Task;
        }
    }

    /// <summary>Sets a job's status as Batch would report it (FAILED jobs get an attempt with the exit code).</summary>
    public void SetJobStatus(string jobId, string status, string? reason = null, int? exitCode = null)
    {
        lock (_gate)
        {
            var job = _jobs.Single(j => j.JobId == jobId);
            job.Status = status;
            job.StatusReason = reason;
            job.ExitCode = exitCode;
        }
    }

    /// <summary>Moves a job one step along SUBMITTED → PENDING → RUNNABLE → STARTING → RUNNING → SUCCEEDED; returns the new status.</summary>
    public string Advance(string jobId)
    {
        lock (_gate)
        {
            var job = _jobs.Single(j => j.JobId == jobId);
            var index = Array.IndexOf(Lifecycle, job.Status);
            job.Status = index >= 0 && index < Lifecycle.Length - 1 ? Lifecycle[index + 1] : job.Status;
            return job.Status;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var path = context.Request.Path.Value ?? "/";
        var (operation, expectedService, function) = Route(context.Request.Method, path);
        var problem = SigV4Verifier.Verify(context, body, AccessKeyId, SecretAccessKey, Region, out var service);
        FakeAnswer answer;
        if (operation is null)
        {
            answer = FakeAnswer.Error(404, "UnknownOperationException", $"No operation at {context.Request.Method} {path}");
        }
        else if (problem is not null)
        {
            answer = FakeAnswer.Error(403, "InvalidSignatureException", problem);
        }
        else if (service != expectedService)
        {
            answer = FakeAnswer.Error(403, "InvalidSignatureException", $"Credential should be scoped to correct service: '{expectedService}'.");
            problem = answer.Message;
        }
        else if (ExpectedSessionToken is { } token && context.Request.Headers["X-Amz-Security-Token"].ToString() != token)
        {
            answer = FakeAnswer.Error(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
            problem = answer.Message;
        }
        else if (TakeFault(operation) is { } fault && fault != FakeAwsFault.None)
        {
            if (fault == FakeAwsFault.Hang)
            {
                Record(context, operation, service, body, 0, "hang");
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            answer = FaultAnswer(fault, operation, function);
        }
        else
        {
            answer = operation switch
            {
                "Invoke" => Invoke(context, function!, body),
                "SubmitJob" => Submit(body),
                "DescribeJobs" => Describe(body),
                _ => List(body),
            };
            problem = answer.Status >= 400 ? answer.Message : null;
        }

        Record(context, operation ?? "Unknown", service, body, answer.Status, problem);
        await answer.WriteAsync(context, operation is "Invoke" ? "lambda" : "batch");
    }

    private static (string? Operation, string Service, string? Function) Route(string method, string path)
    {
        if (method != "POST")
        {
            return (null, string.Empty, null);
        }

        var invoke = InvokePath().Match(path);
        if (invoke.Success)
        {
            return ("Invoke", "lambda", invoke.Groups[1].Value);
        }

        return path switch
        {
            "/v1/submitjob" => ("SubmitJob", "batch", null),
            "/v1/describejobs" => ("DescribeJobs", "batch", null),
            "/v1/listjobs" => ("ListJobs", "batch", null),
            _ => (null, string.Empty, null),
        };
    }

    private FakeAwsFault? TakeFault(string operation)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(operation, out var entry) || entry.Remaining <= 0)
            {
                return null;
            }

            _faults[operation] = (entry.Fault, entry.Remaining == int.MaxValue ? int.MaxValue : entry.Remaining - 1);
            return entry.Fault;
        }
    }

    private static FakeAnswer FaultAnswer(FakeAwsFault fault, string operation, string? function) => fault switch
    {
        FakeAwsFault.Throttle => FakeAnswer.Error(429, "TooManyRequestsException", "Rate exceeded", retryAfter: "0"),
        FakeAwsFault.ServerError => FakeAnswer.Error(500, operation == "Invoke" ? "ServiceException" : "ServerException", "Internal failure"),
        FakeAwsFault.Html => new FakeAnswer(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>", null, null),
        FakeAwsFault.CaptivePortal => new FakeAnswer(200, "text/html", "<!DOCTYPE html><html><body><form action=\"/login\">Sign in to continue</form></body></html>", null, null),
        FakeAwsFault.ResourceNotFound => operation == "Invoke"
            ? FakeAnswer.Error(404, "ResourceNotFoundException", $"Function not found: arn:aws:lambda:{Region}:{Account}:function:{function}")
            : FakeAnswer.Error(400, "ClientException", "JobQueue businessops-agents not found."),
        FakeAwsFault.AccessDenied => FakeAnswer.Error(
            403,
            "AccessDeniedException",
            $"User: arn:aws:sts::{Account}:assumed-role/coordinator/gh is not authorized to perform: {(operation == "Invoke" ? "lambda:InvokeFunction" : "batch:" + operation)}"),
        FakeAwsFault.ExpiredToken => FakeAnswer.Error(403, "ExpiredTokenException", "The security token included in the request is expired"),
        _ => FakeAnswer.Error(500, "ServiceException", "unknown fault"),
    };

    private FakeAnswer Invoke(HttpContext context, string function, byte[] body)
    {
        if (!string.Equals(context.Request.Headers["X-Amz-Invocation-Type"].ToString(), "Event", StringComparison.Ordinal))
        {
            return FakeAnswer.Error(400, "InvalidParameterValueException", "expected X-Amz-Invocation-Type: Event");
        }

        var name = Uri.UnescapeDataString(function);
        var bare = name.Contains(':', StringComparison.Ordinal) ? name[(name.LastIndexOf(":function:", StringComparison.Ordinal) + 10)..] : name;
        if (!Functions.Contains(bare))
        {
            return FakeAnswer.Error(404, "ResourceNotFoundException", $"Function not found: arn:aws:lambda:{Region}:{Account}:function:{bare}");
        }

        if (body.Length > 256 * 1024)
        {
            return FakeAnswer.Error(413, "RequestEntityTooLargeException", $"Request must be smaller than 262144 bytes for the InvokeAsync operation");
        }

        try
        {
            _ = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return FakeAnswer.Error(400, "InvalidRequestContentException", "Could not parse request body into json");
        }

        var id = Guid.NewGuid().ToString();
        lock (_gate)
        {
            _invocations.Add(new FakeLambdaInvocation(bare, body, id, _clock.GetUtcNow()));
        }

        return new FakeAnswer(202, null, string.Empty, null, null) { RequestId = id };
    }

    private FakeAnswer Submit(byte[] body)
    {
        if (Parse(body) is not { } request)
        {
            return FakeAnswer.Error(400, "ClientException", "body is not a JSON object");
        }

        if (FakeBatchShape.ValidateSubmit(request) is { } invalid)
        {
            return FakeAnswer.Error(400, "ClientException", invalid);
        }

        var queue = QueueName(FakeBatchShape.Str(request, "jobQueue")!);
        if (!Queues.Contains(queue))
        {
            return FakeAnswer.Error(400, "ClientException", $"JobQueue {queue} not found.");
        }

        var definition = FakeBatchShape.Str(request, "jobDefinition")!;
        if (!JobDefinitions.Contains(definition.Split(':')[0]))
        {
            return FakeAnswer.Error(400, "ClientException", $"Job definition {definition} does not exist.");
        }

        FakeBatchJob job;
        lock (_gate)
        {
            var n = ++_sequence;
            job = new FakeBatchJob($"{n:x8}-0000-4000-8000-{n:x12}", FakeBatchShape.Str(request, "jobName")!, queue, request, _clock.GetUtcNow());
            _jobs.Add(job);
        }

        return FakeAnswer.Json(200, new JsonObject
        {
            ["jobArn"] = $"arn:aws:batch:{Region}:{Account}:job/{job.JobId}",
            ["jobName"] = job.JobName,
            ["jobId"] = job.JobId,
        });
    }

    private FakeAnswer Describe(byte[] body)
    {
        if (Parse(body)?["jobs"] is not JsonArray ids || ids.Count > 100 || ids.Any(i => i?.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return FakeAnswer.Error(400, "ClientException", "jobs must be an array of at most 100 job ids");
        }

        var wanted = ids.Select(i => i!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var jobs = new JsonArray();
        lock (_gate)
        {
            foreach (var job in _jobs.Where(j => wanted.Contains(j.JobId)))
            {
                var detail = new JsonObject
                {
                    ["jobArn"] = $"arn:aws:batch:{Region}:{Account}:job/{job.JobId}",
                    ["jobName"] = job.JobName,
                    ["jobId"] = job.JobId,
                    ["jobQueue"] = $"arn:aws:batch:{Region}:{Account}:job-queue/{job.Queue}",
                    ["status"] = job.Status,
                    ["statusReason"] = job.StatusReason,
                    ["createdAt"] = job.CreatedAt.ToUnixTimeMilliseconds(),
                    ["jobDefinition"] = $"arn:aws:batch:{Region}:{Account}:job-definition/{job.Request["jobDefinition"]}:1",
                };
                if (job.Status == "FAILED")
                {
                    detail["attempts"] = new JsonArray(new JsonObject
                    {
                        ["container"] = new JsonObject { ["exitCode"] = job.ExitCode, ["reason"] = job.ExitCode is null ? null : "Essential container in task exited" },
                        ["statusReason"] = job.StatusReason,
                    });
                }

                jobs.Add(detail);
            }
        }

        return FakeAnswer.Json(200, new JsonObject { ["jobs"] = jobs });
    }

    private FakeAnswer List(byte[] body)
    {
        if (Parse(body) is not { } request || FakeBatchShape.Str(request, "jobQueue") is not { } queueArg)
        {
            return FakeAnswer.Error(400, "ClientException", "jobQueue is required");
        }

        var queue = QueueName(queueArg);
        if (!Queues.Contains(queue))
        {
            return FakeAnswer.Error(400, "ClientException", $"JobQueue {queue} not found.");
        }

        Func<FakeBatchJob, bool> match = j => j.Status == (FakeBatchShape.Str(request, "jobStatus") ?? "RUNNING");
        if (request["filters"] is JsonArray filters)
        {
            if (filters.Count != 1 || filters[0] is not JsonObject filter || FakeBatchShape.Str(filter, "name") != "JOB_NAME"
                || filter["values"] is not JsonArray { Count: 1 } values || values[0]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return FakeAnswer.Error(400, "ClientException", "filters: exactly one JOB_NAME filter with one value is supported by this fake");
            }

            var wanted = values[0]!.GetValue<string>();
            match = wanted.EndsWith('*')
                ? j => j.JobName.StartsWith(wanted[..^1], StringComparison.OrdinalIgnoreCase)
                : j => string.Equals(j.JobName, wanted, StringComparison.OrdinalIgnoreCase);
        }

        var size = request["maxResults"]?.GetValue<int>() ?? 100;
        var start = int.TryParse(FakeBatchShape.Str(request, "nextToken"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        List<FakeBatchJob> all;
        lock (_gate)
        {
            all = [.. _jobs.Where(j => j.Queue == queue).Where(match).OrderByDescending(j => j.CreatedAt)];
        }

        var page = new JsonArray([.. all.Skip(start).Take(size).Select(j => (JsonNode)new JsonObject
        {
            ["jobArn"] = $"arn:aws:batch:{Region}:{Account}:job/{j.JobId}",
            ["jobId"] = j.JobId,
            ["jobName"] = j.JobName,
            ["createdAt"] = j.CreatedAt.ToUnixTimeMilliseconds(),
            ["status"] = j.Status,
        })]);
        var response = new JsonObject { ["jobSummaryList"] = page };
        if (start + size < all.Count)
        {
            response["nextToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
        }

        return FakeAnswer.Json(200, response);
    }

    private static string QueueName(string queue) => queue.Contains(":job-queue/", StringComparison.Ordinal) ? queue[(queue.LastIndexOf('/') + 1)..] : queue;

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private void Record(HttpContext context, string operation, string? service, byte[] body, int status, string? problem)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        lock (_gate)
        {
            _calls.Add(new FakeAwsCall(operation, service, context.Request.Path.Value ?? "/", headers, body, _clock.GetUtcNow(), status, problem));
            foreach (var waiter in _callWaiters.Where(w => w.Operation == operation && _calls.Count(c => c.Operation == operation) >= w.Count).ToList())
            {
                _callWaiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    [GeneratedRegex("^/2015-03-31/functions/([^/]+)/invocations$")]
    private static partial Regex InvokePath();

    /// <summary>A response in the service's error style: code in x-amzn-ErrorType, message in the JSON body.</summary>
    private sealed record FakeAnswer(int Status, string? ContentType, string Body, string? ErrorType, string? RetryAfter)
    {
        public string? RequestId { get; init; }

        public string? Message { get; init; }

        public static FakeAnswer Error(int status, string code, string message, string? retryAfter = null) =>
            new(status, "application/json", string.Empty, code, retryAfter) { Message = message };

        public static FakeAnswer Json(int status, JsonObject body) => new(status, "application/json", body.ToJsonString(), null, null);

        public async Task WriteAsync(HttpContext context, string service)
        {
            context.Response.StatusCode = Status;
            context.Response.Headers["x-amzn-RequestId"] = RequestId ?? Guid.NewGuid().ToString();
            if (RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = RetryAfter;
            }

            var text = Body;
            if (ErrorType is not null)
            {
                context.Response.Headers["x-amzn-ErrorType"] = ErrorType + ":http://internal.amazon.com/coral/com.amazonaws." + service + "/";
                text = service == "lambda"
                    ? new JsonObject { ["Type"] = Status >= 500 ? "Service" : "User", [nameof(Message)] = Message }.ToJsonString()
                    : new JsonObject { ["__type"] = ErrorType, ["message"] = Message }.ToJsonString();
            }

            if (ContentType is not null)
            {
                context.Response.ContentType = ContentType;
            }

            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        }
    }
}
