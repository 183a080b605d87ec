using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Aws.Results;

/// <summary>
/// Parses what arrives on the results queue: a Lambda destination record (<c>requestContext</c>, <c>requestPayload</c>,
/// <c>responseContext</c>, <c>responsePayload</c>) or a Batch agent's result JSON. Untrusted text: anything else is a
/// one-line reason, never an exception. Pure.
/// </summary>
public static class ResultMessages
{
    /// <summary>Bodies larger than this are refused without parsing (SQS allows at most 1 MiB).</summary>
    public const int MaxBodyChars = 1024 * 1024;

    public static bool TryParse(string body, out ResultMessage? message, out string? error)
    {
        message = null;
        error = null;
        JsonObject? root;
        try
        {
            root = body.Length <= MaxBodyChars ? JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject : null;
        }
        catch (JsonException e)
        {
            error = "not JSON: " + e.Message;
            return false;
        }

        if (root is null)
        {
            error = body.Length > MaxBodyChars ? "larger than 1 MiB" : "not a JSON object";
            return false;
        }

        return root.ContainsKey("requestContext") ? TryDestination(root, out message, out error) : TryBatch(root, out message, out error);
    }

    private static bool TryBatch(JsonObject root, out ResultMessage? message, out string? error)
    {
        message = null;
        if (!TryResult(root, out var result, out error))
        {
            return false;
        }

        message = new ResultMessage(result!.Key, result.Issue, result.Agent, "batch", result, null);
        return true;
    }

    private static bool TryDestination(JsonObject root, out ResultMessage? message, out string? error)
    {
        message = null;
        error = null;
        var request = root["requestPayload"] as JsonObject;
        if (Text(request, "key") is not { } key || !IdempotencyKey.TryParse(key, out var parsed))
        {
            error = "a Lambda destination record whose requestPayload carries no BusinessOps key";
            return false;
        }

        var agent = Text(request, "agent") ?? string.Empty;
        var condition = Text(root["requestContext"] as JsonObject, "condition") ?? "Unknown";
        var response = root["responsePayload"];
        if (response is JsonValue v && v.TryGetValue<string>(out var encoded))
        {
            // A runtime that answered with a JSON string: the result is inside it.
            try
            {
                response = JsonNode.Parse(encoded);
            }
            catch (JsonException)
            {
                response = null;
            }
        }

        var functionError = Text(root["responseContext"] as JsonObject, "functionError");
        if (condition == "Success" && functionError is null && response is JsonObject payload)
        {
            if (!TryResult(payload, out var result, out error))
            {
                message = new ResultMessage(key, parsed.Issue, agent, "lambda", null, "The Lambda agent answered a result that is not the contract's JSON: " + error);
                error = null;
                return true;
            }

            message = result!.Key == key
                ? new ResultMessage(key, parsed.Issue, agent, "lambda", result, null)
                : new ResultMessage(key, parsed.Issue, agent, "lambda", null, $"The Lambda agent answered a result for key {result.Key}, not {key}.");
            return true;
        }

        message = new ResultMessage(key, parsed.Issue, agent, "lambda", null, Failure(condition, functionError, response as JsonObject, root));
        return true;
    }

    private static string Failure(string condition, string? functionError, JsonObject? response, JsonObject root)
    {
        var said = Text(response, "errorMessage") is { } m ? Bound(m) : null;
        var type = Text(response, "errorType");
        return condition switch
        {
            "EventAgeExceeded" => "The Lambda event expired before the function ran (throttled, or its reserved concurrency is used up); the attempt is retried.",
            "RetriesExhausted" or "Success" => $"The Lambda run failed{(functionError is null ? string.Empty : $" ({functionError}{(type is null ? string.Empty : ", " + type)})")}: {said ?? "no error message"}",
            _ => string.Create(CultureInfo.InvariantCulture, $"The Lambda run ended with condition '{Bound(condition)}' at {Text(root, "timestamp") ?? "an unknown time"}: {said ?? "no error message"}"),
        };
    }

    private static bool TryResult(JsonObject node, out AgentResult? result, out string? error)
    {
        result = null;
        error = null;
        try
        {
            result = node.Deserialize(CoreJson.Compact.AgentResult);
        }
        catch (JsonException e)
        {
            error = "not an agent result: " + e.Message;
            return false;
        }

        if (result is null || !IdempotencyKey.TryParse(result.Key, out var key) || key.Issue != result.Issue || result.Issue <= 0)
        {
            error = "an agent result without a valid key and issue number";
            result = null;
            return false;
        }

        return true;
    }

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static string Bound(string text) => text.Length <= 300 ? text.ReplaceLineEndings(" ") : text[..299].ReplaceLineEndings(" ") + "…";
}
