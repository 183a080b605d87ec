using System.Globalization;
using System.Text.Json.Nodes;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// The fake function and its asynchronous-invocation destinations: when <see cref="FunctionHandler"/> and
/// <see cref="DestinationQueue"/> are set, every accepted Invoke runs the handler in the background and its outcome
/// arrives on the queue as Lambda's destination record (<c>requestContext</c>, <c>requestPayload</c>,
/// <c>responseContext</c>, <c>responsePayload</c>), on success and on failure alike.
/// </summary>
public sealed partial class FakeAwsServer
{
    private readonly List<Task> _functionRuns = [];

    /// <summary>What the function does with one event.</summary>
    public Func<FakeLambdaInvocation, Task<FakeLambdaOutcome>>? FunctionHandler { get; set; }

    /// <summary>The queue named as both the on-success and the on-failure destination (created by the test).</summary>
    public string? DestinationQueue { get; set; }

    /// <summary>
    /// The function's event-invoke config as GetFunctionEventInvokeConfig reports it, from the fields above: both
    /// destinations on <see cref="DestinationQueue"/>, no retries, <see cref="MaximumEventAgeInSeconds"/>.
    /// </summary>
    public int MaximumEventAgeInSeconds { get; set; } = 600;

    /// <summary>Completes when every function run started so far has delivered its record.</summary>
    public Task FunctionsIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll([.. _functionRuns]);
        }
    }

    /// <summary>The destination record Lambda writes for <paramref name="invocation"/> and <paramref name="outcome"/>.</summary>
    public static string DestinationRecord(FakeLambdaInvocation invocation, FakeLambdaOutcome outcome, DateTimeOffset at)
    {
        var condition = outcome.Expired ? "EventAgeExceeded" : outcome.ErrorMessage is null ? "Success" : "RetriesExhausted";
        var record = new JsonObject
        {
            ["version"] = "1.0",
            ["timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["requestContext"] = new JsonObject
            {
                ["requestId"] = invocation.RequestId,
                ["functionArn"] = $"arn:aws:lambda:{Region}:{Account}:function:{invocation.Function}:$LATEST",
                ["condition"] = condition,
                ["approximateInvokeCount"] = outcome.Expired ? 0 : 1,
            },
            ["requestPayload"] = JsonNode.Parse(invocation.Payload),
        };
        if (!outcome.Expired)
        {
            var context = new JsonObject { ["statusCode"] = 200, ["executedVersion"] = "$LATEST" };
            if (outcome.ErrorMessage is not null)
            {
                context["functionError"] = "Unhandled";
            }

            record["responseContext"] = context;
            record["responsePayload"] = outcome.ErrorMessage is { } error
                ? new JsonObject { ["errorMessage"] = error, ["errorType"] = "Runtime.ExitError" }
                : JsonNode.Parse(outcome.Response!);
        }

        return record.ToJsonString();
    }

    private FakeAnswer EventInvokeConfig(string function)
    {
        var name = Uri.UnescapeDataString(function);
        if (!Functions.Contains(name) || DestinationQueue is not { } queue)
        {
            return FakeAnswer.Error(404, "ResourceNotFoundException", $"The function {name} doesn't have an EventInvokeConfig");
        }

        var arn = $"arn:aws:sqs:{Region}:{Account}:{queue}";
        return FakeAnswer.Json(200, new JsonObject
        {
            ["FunctionArn"] = $"arn:aws:lambda:{Region}:{Account}:function:{name}:$LATEST",
            ["MaximumRetryAttempts"] = 0,
            [nameof(MaximumEventAgeInSeconds)] = MaximumEventAgeInSeconds,
            ["DestinationConfig"] = new JsonObject
            {
                ["OnSuccess"] = new JsonObject { ["Destination"] = arn },
                ["OnFailure"] = new JsonObject { ["Destination"] = arn },
            },
        });
    }

    private void RunFunction(FakeLambdaInvocation invocation)
    {
        if (FunctionHandler is not { } handler || DestinationQueue is not { } queue)
        {
            return;
        }

        var run = Task.Run(async () =>
        {
            var outcome = await handler(invocation);
            Enqueue(queue, DestinationRecord(invocation, outcome, _clock.GetUtcNow()));
        });
        lock (_gate)
        {
            _functionRuns.Add(run);
        }
    }
}
