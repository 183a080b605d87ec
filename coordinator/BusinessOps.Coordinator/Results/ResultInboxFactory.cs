using BusinessOps.Aws;
using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Executors;
using BusinessOps.Aws.Sqs;

namespace BusinessOps.Coordinator.Results;

/// <summary>Opens the results queue from the environment: required with <c>--executor aws</c>, unused otherwise.</summary>
public static class ResultInboxFactory
{
    public const string MissingQueueMessage =
        "--executor aws needs the results queue: agents on AWS hold no GitHub credential and report through it. "
        + "Set the repository variable " + ResultsQueue.Variable + " to the stack's ResultsQueueUrl output (infra/deploy.sh prints it); "
        + "a stack deployed before results went through SQS must be re-deployed first (docs/AWS.md, Upgrading).";

    // One pooled handler for the process, as for the executors; the AWS request path applies its own timeouts.
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>
    /// The inbox for <paramref name="executor"/> (<c>aws</c>: the queue; anything else: null). False with a one-line
    /// reason when AWS is chosen and the queue is missing or misconfigured: nothing may be dispatched whose result cannot come back.
    /// </summary>
    public static bool TryOpen(string executor, IReadOnlyDictionary<string, string?> env, TimeProvider clock, out IResultInbox? inbox, out string? error, HttpClient? http = null)
    {
        inbox = null;
        error = null;
        if (executor != CloudExecutor.ExecutorName)
        {
            return true;
        }

        if (!ResultsQueue.TryGetUrl(env, out var url, out error))
        {
            return false;
        }

        if (url is null)
        {
            error = MissingQueueMessage;
            return false;
        }

        if (!AwsSettings.TryFromEnvironment(env, out var settings, out error) || !CredentialSourceFactory.TryCreate(env, out var credentials, out error))
        {
            return false;
        }

        var client = AwsExecutorFactory.CreateSqsClient(settings!, credentials!, clock, AwsClientOptions.Default, http ?? SharedHttp.Value, ResultsQueue.Endpoint(url, env));
        inbox = new SqsResultInbox(client, url);
        return true;
    }
}
