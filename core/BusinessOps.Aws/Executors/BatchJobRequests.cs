using System.Globalization;
using System.IO.Compression;
using System.Text;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Lambda;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>Builds the SubmitJob request for one dispatch. Pure.</summary>
internal static class BatchJobRequests
{
    /// <summary>
    /// The environment variable carrying the agent's input to the container's entrypoint: the envelope
    /// <c>{"issue": {…}, "context": {…}}</c> (<see cref="AgentEnvelope"/>), gzip, then base64.
    /// </summary>
    public const string IssueDataVariable = "BUSINESSOPS_ISSUE_DATA";

    /// <summary>
    /// Room for the encoded issue: a SubmitJob request may hold at most 30 KiB, and the command, the other variables and
    /// the tags take the rest.
    /// </summary>
    public const int MaxIssueDataChars = 24 * 1024;

    /// <summary>
    /// The request, or null when the issue cannot be carried even without its comments. No retry strategy: the job
    /// definition's (infra/businessops.yml) is the one, since a submit's would replace it. A share identifier and a
    /// scheduling priority only for a fair-share queue, which requires them, as a first-in-first-out queue refuses them.
    /// </summary>
    public static SubmitJobRequest? Build(DispatchRequest request, DispatchTarget target, string jobName, bool fairShare)
    {
        if (EncodedIssue(request) is not { } data)
        {
            return null;
        }

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
            new(IssueDataVariable, data),
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
            ShareIdentifier = fairShare ? BatchJobNames.ShareFor(request.Tenant) : null,
            SchedulingPriorityOverride = fairShare ? SchedulingPriority(request.Priority) : null,

            // The entrypoint decodes the envelope onto the agent's standard input (infra/agent-entrypoint.sh).
            ContainerOverrides = new ContainerOverrides(
                [request.Agent, "--process-issue", issue, "--issue-data", "-", "--context", "-", "--key", request.Key, "--phase", request.Phase],
                environment),
            PropagateTags = true,
            Tags = new Dictionary<string, string>
            {
                ["businessops:key"] = TagValue(request.Key),
                ["businessops:issue"] = issue,
                ["businessops:agent"] = TagValue(request.Agent),
            },
        };
    }

    /// <summary>
    /// The issue in GitHub's REST shape with the dispatch's context, as one envelope, gzip-compressed and base64-encoded,
    /// within <see cref="MaxIssueDataChars"/>.
    /// </summary>
    internal static string? EncodedIssue(DispatchRequest request)
    {
        var context = AgentEnvelope.Context(request.AgentContext);
        string? encoded = null;
        return IssuePayload.Fit(request.Issue, shaped => (encoded = Encode(AgentEnvelope.Write(shaped, context))).Length, MaxIssueDataChars) is null ? null : encoded;
    }

    internal static string Encode(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return Convert.ToBase64String(buffer.ToArray());
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
