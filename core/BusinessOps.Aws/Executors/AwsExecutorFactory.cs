using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Http;
using BusinessOps.Aws.Lambda;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>Builds the AWS executor from the environment, or says in one line what is missing.</summary>
public static class AwsExecutorFactory
{
    // One pooled handler for the process: connections are reused across dispatches and DNS is refreshed periodically.
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // AwsConnection applies its own per-attempt timeout.
    });

    /// <summary>
    /// Region and endpoints from <c>AWS_REGION</c>/<c>AWS_ENDPOINT_URL*</c>, credentials from the standard sources.
    /// False with an actionable <paramref name="error"/> when the region or credentials are missing.
    /// </summary>
    public static bool TryCreate(
        IReadOnlyDictionary<string, string?> env, DispatchPolicy policy, TimeProvider clock, out IExecutor? executor, out string? error)
    {
        executor = null;
        if (!AwsSettings.TryFromEnvironment(env, out var settings, out error)
            || !CredentialSourceFactory.TryCreate(env, out var credentials, out error))
        {
            return false;
        }

        executor = Create(settings!, credentials!, policy, clock, AwsClientOptions.Default, SharedHttp.Value);
        return true;
    }

    /// <summary>The composite executor from explicit parts (tests, benchmarks, custom credential sources).</summary>
    public static CloudExecutor Create(
        AwsSettings settings, IAwsCredentialSource credentials, DispatchPolicy policy, TimeProvider clock, AwsClientOptions options, HttpClient http)
    {
        var lambda = new LambdaClient(new AwsConnection(http, "lambda", settings.LambdaEndpoint, settings.Region, credentials, clock, options));
        var batch = CreateBatchClient(settings, credentials, clock, options, http);
        return new CloudExecutor(new LambdaExecutor(lambda, policy), new BatchExecutor(batch, policy, clock), policy);
    }

    /// <summary>A Batch client alone (its SubmitJob pacing is per client instance).</summary>
    public static BatchClient CreateBatchClient(AwsSettings settings, IAwsCredentialSource credentials, TimeProvider clock, AwsClientOptions options, HttpClient http) =>
        new(new AwsConnection(http, "batch", settings.BatchEndpoint, settings.Region, credentials, clock, options), new SubmitRateLimiter(options.SubmitJobsPerSecond, clock));

    /// <summary>An SQS client for the results queue at <paramref name="endpoint"/>.</summary>
    public static Sqs.SqsClient CreateSqsClient(AwsSettings settings, IAwsCredentialSource credentials, TimeProvider clock, AwsClientOptions options, HttpClient http, Uri endpoint) =>
        new(new AwsConnection(http, "sqs", endpoint, settings.Region, credentials, clock, options));
}
