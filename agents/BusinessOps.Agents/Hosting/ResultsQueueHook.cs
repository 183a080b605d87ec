using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Results;
using BusinessOps.Core;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// On AWS Batch (<c>BUSINESSOPS_RESULTS_QUEUE_URL</c> set) the printed result also goes to the results queue, where the
/// coordinator picks it up: agents hold no GitHub credential. A result that could not be sent makes the run a transient
/// failure (exit 1), so the Batch job fails and the coordinator retries the attempt instead of waiting for nothing.
/// </summary>
internal static class ResultsQueueHook
{
    // One pooled client for the process; the AWS request path applies its own per-attempt timeout.
    private static readonly Lazy<HttpClient> Http = new(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });

    public static async Task<int> SendAsync(AgentRun run, string json, TimeProvider clock, CancellationToken cancellationToken)
    {
        var env = ProcessEnvironment.Snapshot();
        if (string.IsNullOrWhiteSpace(env.GetValueOrDefault(Aws.Sqs.ResultsQueue.Variable)))
        {
            return run.ExitCode;
        }

        try
        {
            var id = await ResultSender.SendIfConfiguredAsync(json, env, Http.Value, clock, cancellationToken);
            AgentLog.Write(run.Result.Agent, run.Result.Issue, run.Result.Key, $"result sent to the results queue (message {id})");
            return run.ExitCode;
        }
        catch (AwsException ex)
        {
            AgentLog.Write(run.Result.Agent, run.Result.Issue, run.Result.Key, "could not send the result to the results queue: " + ex.Message);
            return ExitCodes.Failure;
        }
    }
}
