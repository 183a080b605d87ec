using BusinessOps.Aws.Credentials;

namespace BusinessOps.Aws.Sqs;

/// <summary>
/// Where agents on AWS send their results and the coordinator reads them: <c>BUSINESSOPS_RESULTS_QUEUE_URL</c> (the stack's
/// <c>ResultsQueueUrl</c> output). Requests go to <c>AWS_ENDPOINT_URL_SQS</c> / <c>AWS_ENDPOINT_URL</c> when set, else to the
/// queue URL's own host, which is the regional SQS endpoint.
/// </summary>
public static class ResultsQueue
{
    public const string Variable = "BUSINESSOPS_RESULTS_QUEUE_URL";

    /// <summary>The configured queue URL, or null when none is set. False with a one-line reason when it is not a queue URL.</summary>
    public static bool TryGetUrl(IReadOnlyDictionary<string, string?> env, out Uri? queueUrl, out string? error)
    {
        queueUrl = null;
        error = null;
        if (CredentialSourceFactory.Get(env, Variable) is not { } raw)
        {
            return true;
        }

        if (!Uri.TryCreate(raw, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || url.AbsolutePath.Trim('/').Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            error = $"{Variable} '{raw}' is not an SQS queue URL (expected https://sqs.REGION.amazonaws.com/ACCOUNT/NAME, the stack's ResultsQueueUrl output).";
            return false;
        }

        queueUrl = url;
        return true;
    }

    /// <summary>The endpoint SQS requests for <paramref name="queueUrl"/> are sent to.</summary>
    public static Uri Endpoint(Uri queueUrl, IReadOnlyDictionary<string, string?> env)
    {
        var configured = CredentialSourceFactory.Get(env, "AWS_ENDPOINT_URL_SQS") ?? CredentialSourceFactory.Get(env, "AWS_ENDPOINT_URL");
        return configured is not null && Uri.TryCreate(configured, UriKind.Absolute, out var endpoint)
            ? endpoint
            : new Uri(queueUrl.GetLeftPart(UriPartial.Authority) + "/");
    }
}
