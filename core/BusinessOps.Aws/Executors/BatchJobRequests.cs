using System.Globalization;
using System.Text;
using BusinessOps.Aws.Batch;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>Builds the SubmitJob request for one dispatch. Pure.</summary>
internal static class BatchJobRequests
{
    /// <summary>
    /// Infrastructure failures worth a second attempt; everything else (the agent's own exit) stops. Batch retries when
    /// no entry matches, so the final catch-all EXIT is required. Globs may only end with '*'.
    /// </summary>
    public static RetryStrategy Retry { get; } = new(2, [
        new EvaluateOnExit("RETRY", OnStatusReason: "Host EC2*"),
        new EvaluateOnExit("RETRY", OnStatusReason: "CannotPullContainerError*"),
        new EvaluateOnExit("RETRY", OnStatusReason: "ResourceInitializationError*"),
        new EvaluateOnExit("RETRY", OnStatusReason: "Task failed to start"),
        new EvaluateOnExit("EXIT", OnStatusReason: "*"),
    ]);

    public static SubmitJobRequest Build(DispatchRequest request, DispatchTarget target, string jobName)
    {
        var issue = request.Issue.Number.ToString(CultureInfo.InvariantCulture);
        var environment = new List<EnvironmentVariable>
        {
            new("BUSINESSOPS_KEY", request.Key),
            new("BUSINESSOPS_REPOSITORY", request.Repository),
            new("BUSINESSOPS_ISSUE", issue),
            new("BUSINESSOPS_ATTEMPT", request.Attempt.ToString(CultureInfo.InvariantCulture)),
            new("BUSINESSOPS_PHASE", request.Phase),
            new("BUSINESSOPS_AGENT", request.Agent),
            new("BUSINESSOPS_PRIORITY", request.Priority.ToString()),
        };
        if (!string.IsNullOrWhiteSpace(request.Tenant))
        {
            environment.Add(new("BUSINESSOPS_TENANT", request.Tenant));
        }

        return new SubmitJobRequest
        {
            JobName = jobName,
            JobQueue = target.Queue!,
            JobDefinition = target.JobDefinition!,
            ShareIdentifier = BatchJobNames.ShareFor(request.Tenant),
            SchedulingPriorityOverride = SchedulingPriority(request.Priority),
            ContainerOverrides = new ContainerOverrides(
                [request.Agent, "--process-issue", issue, "--key", request.Key, "--phase", request.Phase, "--store", "github"],
                environment),
            RetryStrategy = Retry,
            PropagateTags = true,
            Tags = new Dictionary<string, string>
            {
                ["businessops:key"] = TagValue(request.Key),
                ["businessops:issue"] = issue,
                ["businessops:agent"] = TagValue(request.Agent),
            },
        };
    }

    /// <summary>Batch runs higher numbers first (0–9999); P0 only lands here if policy sends it to Batch.</summary>
    public static int SchedulingPriority(Priority priority) => priority switch
    {
        Priority.P0 => 9999,
        Priority.P1 => 9000,
        Priority.P2 => 5000,
        _ => 1000,
    };

    /// <summary>Tag values allow letters, digits, spaces and <c>+ - = . _ : / @</c>, up to 256 characters; '#' becomes ':'.</summary>
    internal static string TagValue(string value)
    {
        var sb = new StringBuilder(Math.Min(value.Length, 256));
        foreach (var c in value)
        {
            if (sb.Length == 256)
            {
                break;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) || c is ' ' or '+' or '-' or '=' or '.' or '_' or ':' or '/' or '@' ? c : c == '#' ? ':' : '_');
        }

        return sb.ToString();
    }
}
