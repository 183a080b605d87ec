using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Http;
using BusinessOps.Aws.Sqs;

namespace BusinessOps.Aws.Results;

/// <summary>
/// The agent's side of the results queue (AWS Batch): when <c>BUSINESSOPS_RESULTS_QUEUE_URL</c> is set, the result JSON the
/// agent printed is sent to it, with the Batch job id as a message attribute. Agents hold no GitHub credential: the
/// coordinator reads the queue and writes the result comment. Lambda agents need none of this: their invocation response
/// reaches the same queue through the function's destinations.
/// </summary>
public static class ResultSender
{
    /// <summary>The message attribute naming where a result came from (<c>batch</c>).</summary>
    public const string SourceAttribute = "businessops-source";

    /// <summary>The message attribute carrying <c>AWS_BATCH_JOB_ID</c>.</summary>
    public const string JobAttribute = "businessops-job";

    /// <summary>
    /// Sends <paramref name="resultJson"/> when a queue is configured; returns the message id, or null when none is.
    /// Throws <see cref="AwsException"/> with a one-line reason when the queue is misconfigured or unreachable.
    /// </summary>
    public static async Task<string?> SendIfConfiguredAsync(string resultJson, IReadOnlyDictionary<string, string?> env, HttpClient http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ResultsQueue.TryGetUrl(env, out var queueUrl, out var error))
        {
            throw new AwsInvalidRequestException(error!);
        }

        if (queueUrl is null)
        {
            return null;
        }

        if (!CredentialSourceFactory.TryCreate(env, out var credentials, out error))
        {
            throw new AwsCredentialsException(error ?? CredentialSourceFactory.MissingMessage);
        }

        var region = CredentialSourceFactory.Get(env, "AWS_REGION") ?? CredentialSourceFactory.Get(env, "AWS_DEFAULT_REGION") ?? RegionOf(queueUrl)
            ?? throw new AwsCredentialsException(AwsSettings.MissingRegionMessage);
        var client = new SqsClient(new AwsConnection(http, "sqs", ResultsQueue.Endpoint(queueUrl, env), region, credentials!, clock, AwsClientOptions.Default));
        var attributes = new Dictionary<string, MessageAttributeValue> { [SourceAttribute] = new("String", "batch") };
        if (CredentialSourceFactory.Get(env, "AWS_BATCH_JOB_ID") is { } job)
        {
            attributes[JobAttribute] = new("String", job);
        }

        return await client.SendMessageAsync(new SendMessageRequest(queueUrl.ToString(), Fit(resultJson)) { MessageAttributes = attributes }, cancellationToken);
    }

    /// <summary>
    /// The result as sent: unchanged when it fits in one message; else without its <c>outputs</c>, then with its plan cut,
    /// and a note in the summary, so an oversized result still settles its issue instead of failing every attempt.
    /// </summary>
    public static string Fit(string resultJson, int maxBytes = SqsClient.MaxMessageBytes - 1024)
    {
        if (Encoding.UTF8.GetByteCount(resultJson) <= maxBytes || JsonNode.Parse(resultJson) is not JsonObject result)
        {
            return resultJson;
        }

        result["outputs"] = new JsonObject();
        result["summary"] = (result["summary"]?.GetValue<string>() ?? string.Empty) + " (The full outputs were too large for the results queue; see the agent's log.)";
        var text = result.ToJsonString();
        var excess = Encoding.UTF8.GetByteCount(text) - maxBytes;
        if (excess > 0 && result["plan"]?.GetValue<string>() is { } plan)
        {
            // Characters are at most 4 bytes in UTF-8 (6 when JSON-escaped): cutting excess characters is always enough.
            var keep = Math.Max(0, plan.Length - excess - 64);
            result["plan"] = plan[..keep] + "\n\n(truncated)";
            text = result.ToJsonString();
        }

        return text;
    }

    private static string? RegionOf(Uri queueUrl) =>
        queueUrl.Host.Split('.') is ["sqs", var region, ..] && region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? region : null;
}
