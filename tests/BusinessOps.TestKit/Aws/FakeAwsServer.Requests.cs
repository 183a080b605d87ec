using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace BusinessOps.TestKit.Aws;

/// <summary>Request handling: routing, signature and shape checks, fault injection, Lambda Invoke.</summary>
public sealed partial class FakeAwsServer
{
    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var path = context.Request.Path.Value ?? "/";
        var (operation, expectedService, function) = path == "/" && context.Request.Method == "POST" && SqsTarget(context) is { } target
            ? (target, "sqs", null)
            : path == "/" && context.Request.Method == "POST" && SecretsTarget(context) is { } secrets
                ? (secrets, "secretsmanager", (string?)null)
                : Route(context.Request.Method, path);
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
                "DescribeJobQueues" => DescribeQueues(body),
                "GetFunctionEventInvokeConfig" => EventInvokeConfig(function!),
                "ListJobs" => List(body),
                "GetSecretValue" when expectedService == "secretsmanager" => GetSecretValue(body),
                _ => await SqsAsync(operation, body, context.RequestAborted),
            };
            problem = answer.Status >= 400 ? answer.Message : null;
        }

        Record(context, operation ?? "Unknown", service, body, answer.Status, problem);
        await answer.WriteAsync(context, operation is "Invoke" or "GetFunctionEventInvokeConfig" ? "lambda" : expectedService is "sqs" or "secretsmanager" ? expectedService : "batch");
    }

    private static (string? Operation, string Service, string? Function) Route(string method, string path)
    {
        if (method == "GET" && EventInvokeConfigPath().Match(path) is { Success: true } config)
        {
            return ("GetFunctionEventInvokeConfig", "lambda", config.Groups[1].Value);
        }

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
            "/v1/describejobqueues" => ("DescribeJobQueues", "batch", null),
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
        var invocation = new FakeLambdaInvocation(bare, body, id, _clock.GetUtcNow());
        lock (_gate)
        {
            _invocations.Add(invocation);
        }

        RunFunction(invocation);

        return new FakeAnswer(202, null, string.Empty, null, null) { RequestId = id };
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

    [GeneratedRegex("^/2019-09-25/functions/([^/]+)/event-invoke-config$")]
    private static partial Regex EventInvokeConfigPath();

    [GeneratedRegex("^/2015-03-31/functions/([^/]+)/invocations$")]
    private static partial Regex InvokePath();
}
