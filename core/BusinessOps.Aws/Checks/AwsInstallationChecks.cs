using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Http;
using BusinessOps.Aws.Lambda;
using BusinessOps.Aws.Sqs;

namespace BusinessOps.Aws.Checks;

/// <summary>
/// <c>coordinator doctor</c>'s look at the AWS side, read-only: the results queue is reachable, the agent function's
/// results and failures reach that queue (so they are believed) within the silence window, and the Batch queue exists
/// and says whether it schedules by fair share.
/// </summary>
public static class AwsInstallationChecks
{
    /// <summary>The longest event age that, with Lambda's 900 s maximum run, ends before the coordinator's 30-minute silence rule.</summary>
    public const int MaxEventAgeSeconds = 840;

    public static async Task<IReadOnlyList<AwsCheck>> RunAsync(
        IReadOnlyDictionary<string, string?> env, string? function, string? batchQueue, HttpClient http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var checks = new List<AwsCheck>();
        if (!AwsSettings.TryFromEnvironment(env, out var settings, out var error) || !CredentialSourceFactory.TryCreate(env, out var credentials, out error))
        {
            checks.Add(new AwsCheck("aws credentials", AwsCheckLevel.Fail, error!, "run where the AWS role is assumed (the workflow's AWS job), or export AWS_REGION and credentials"));
            return checks;
        }

        checks.Add(new AwsCheck("aws credentials", AwsCheckLevel.Ok, $"{credentials!.Description} in {settings!.Region}"));
        var options = AwsClientOptions.Default with { MaxAttempts = 2 };
        var queueArn = await QueueAsync(env, settings, credentials, http, clock, options, checks, cancellationToken);
        if (!string.IsNullOrWhiteSpace(function))
        {
            var lambda = new LambdaClient(new AwsConnection(http, "lambda", settings.LambdaEndpoint, settings.Region, credentials, clock, options));
            checks.Add(await DestinationsAsync(lambda, function, queueArn, cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(batchQueue))
        {
            var batch = new BatchClient(new AwsConnection(http, "batch", settings.BatchEndpoint, settings.Region, credentials, clock, options), new SubmitRateLimiter(1, clock));
            checks.Add(await BatchQueueAsync(batch, batchQueue, cancellationToken));
        }

        return checks;
    }

    private static async Task<string?> QueueAsync(
        IReadOnlyDictionary<string, string?> env, AwsSettings settings, IAwsCredentialSource credentials, HttpClient http, TimeProvider clock, AwsClientOptions options, List<AwsCheck> checks, CancellationToken ct)
    {
        if (!ResultsQueue.TryGetUrl(env, out var url, out var error) || url is null)
        {
            checks.Add(new AwsCheck("results queue", AwsCheckLevel.Fail, error ?? $"{ResultsQueue.Variable} is not set: results of agents on AWS cannot reach the coordinator",
                $"set the repository variable {ResultsQueue.Variable} to the stack's ResultsQueueUrl output (infra/deploy.sh prints it)"));
            return null;
        }

        try
        {
            var sqs = new SqsClient(new AwsConnection(http, "sqs", ResultsQueue.Endpoint(url, env), settings.Region, credentials, clock, options));
            var attributes = await sqs.GetQueueAttributesAsync(url.ToString(), ["QueueArn", "ApproximateNumberOfMessages"], ct);
            var arn = attributes.GetValueOrDefault("QueueArn");
            checks.Add(new AwsCheck("results queue", AwsCheckLevel.Ok, $"{arn ?? url.ToString()} reachable, {attributes.GetValueOrDefault("ApproximateNumberOfMessages") ?? "?"} waiting"));
            return arn;
        }
        catch (AwsException ex)
        {
            checks.Add(new AwsCheck("results queue", AwsCheckLevel.Fail, ex.Message, $"check {ResultsQueue.Variable} against the stack's ResultsQueueUrl output; re-deploy the stack if it predates the results queue"));
            return null;
        }
    }

    private static async Task<AwsCheck> DestinationsAsync(LambdaClient lambda, string function, string? queueArn, CancellationToken ct)
    {
        const string Name = "lambda destinations";
        EventInvokeConfig config;
        try
        {
            config = await lambda.GetEventInvokeConfigAsync(function, ct);
        }
        catch (AwsException ex)
        {
            return new AwsCheck(Name, AwsCheckLevel.Fail, ex.Message, "re-deploy the stack (docs/AWS.md, Upgrading): the function needs its results queue destinations");
        }

        var onSuccess = config.DestinationConfig?.OnSuccess?.Destination;
        var onFailure = config.DestinationConfig?.OnFailure?.Destination;
        if (queueArn is not null && (onSuccess != queueArn || onFailure != queueArn))
        {
            return new AwsCheck(Name, AwsCheckLevel.Fail, $"{function} sends results to {onSuccess ?? "nowhere"} and failures to {onFailure ?? "nowhere"}, not to the results queue {queueArn}: P0 results would never be recorded",
                "re-deploy the stack, or point both destinations of the function at the results queue");
        }

        if (config.MaximumEventAgeInSeconds is > MaxEventAgeSeconds)
        {
            return new AwsCheck(Name, AwsCheckLevel.Warn, $"{function} keeps events up to {config.MaximumEventAgeInSeconds} s: an old event could run after the coordinator has started the next attempt",
                $"set LambdaEventMaxAgeSeconds to at most {MaxEventAgeSeconds} and re-deploy");
        }

        return config.MaximumRetryAttempts is > 0
            ? new AwsCheck(Name, AwsCheckLevel.Warn, $"Lambda retries {function}'s failed events {config.MaximumRetryAttempts} time(s) itself; the coordinator already retries with backoff", "re-deploy the stack (it sets MaximumRetryAttempts 0)")
            : new AwsCheck(Name, AwsCheckLevel.Ok, $"{function}: results and failures go to the results queue, events expire after {config.MaximumEventAgeInSeconds ?? 21600} s, no Lambda retries");
    }

    private static async Task<AwsCheck> BatchQueueAsync(BatchClient batch, string queue, CancellationToken ct)
    {
        const string Name = "batch queue";
        try
        {
            var found = (await batch.DescribeJobQueuesAsync([queue], ct)).FirstOrDefault(q => q.JobQueueName == queue || q.JobQueueArn == queue);
            if (found is null)
            {
                return new AwsCheck(Name, AwsCheckLevel.Fail, $"job queue '{queue}' does not exist in this account and region", "deploy the stack, or set BUSINESSOPS_BATCH_QUEUE to its BatchJobQueueName output");
            }

            if (found.State != "ENABLED" || found.Status is not ("VALID" or null))
            {
                return new AwsCheck(Name, AwsCheckLevel.Fail, $"job queue '{queue}' is {found.State}/{found.Status}: jobs would wait forever", "enable the queue (aws batch update-job-queue --state ENABLED) or re-deploy the stack");
            }

            return found.SchedulingPolicyArn is null
                ? new AwsCheck(Name, AwsCheckLevel.Warn, $"job queue '{queue}' has no fair-share scheduling policy: jobs are submitted without a share identifier and run first in, first out, so one busy client can delay the others",
                    "use the stack's queue (it schedules by fair share between clients), or attach a scheduling policy")
                : new AwsCheck(Name, AwsCheckLevel.Ok, $"job queue '{queue}' schedules by fair share ({found.SchedulingPolicyArn})");
        }
        catch (AwsException ex)
        {
            return new AwsCheck(Name, AwsCheckLevel.Fail, ex.Message, "allow batch:DescribeJobQueues for the coordinator role (re-deploy the stack)");
        }
    }
}
