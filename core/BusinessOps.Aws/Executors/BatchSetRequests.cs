using System.Globalization;
using System.IO.Compression;
using System.Text;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Lambda;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// Builds the SubmitJob request of a set: one container that runs the agent once per issue (infra/agent-entrypoint.sh reads
/// <see cref="SetDataVariable"/>), each run with its own key, its own result to the results queue. Pure.
/// </summary>
internal static class BatchSetRequests
{
    /// <summary>The set's issues, one line each (issue, key, phase, input envelope JSON; tab-separated), gzip then base64.</summary>
    public const string SetDataVariable = "BUSINESSOPS_SET_DATA";

    /// <summary>The set's keys, space-separated, in plain text: what the tracker reads back from DescribeJobs.</summary>
    public const string KeysVariable = "BUSINESSOPS_KEYS";

    /// <summary>The member of a set for <paramref name="request"/>, or null when its issue does not fit a job even alone.</summary>
    public static BatchSetMember? Member(DispatchRequest request)
    {
        string? line = null;
        var context = AgentEnvelope.Context(request.AgentContext);
        var fitted = IssuePayload.Fit(request.Issue, shaped => Encode([(line = Line(request, AgentEnvelope.Write(shaped, context)))]).Length, BatchJobRequests.MaxIssueDataChars);
        return fitted is null ? null : new BatchSetMember(request, line!);
    }

    public static string Encode(IEnumerable<string> lines)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            foreach (var line in lines)
            {
                gzip.Write(Encoding.UTF8.GetBytes(line));
                gzip.WriteByte((byte)'\n');
            }
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    public static int EncodedSize(IReadOnlyList<BatchSetMember> members) => Encode(members.Select(m => m.Line)).Length;

    public static SubmitJobRequest Build(IReadOnlyList<BatchSetMember> set, DispatchTarget target, bool fairShare)
    {
        var first = set[0].Request;
        var keys = set.Select(m => m.Request.Key).ToList();
        var issues = string.Join(' ', set.Select(m => m.Request.Issue.Number.ToString(CultureInfo.InvariantCulture)));
        var environment = new List<EnvironmentVariable>
        {
            new(KeysVariable, string.Join(' ', keys)),
            new("BUSINESSOPS_REPOSITORY", first.Repository),
            new("BUSINESSOPS_AGENT", first.Agent),
            new("BUSINESSOPS_PRIORITY", first.Priority.ToString()),
            new(SetDataVariable, Encode(set.Select(m => m.Line))),
        };
        if (!string.IsNullOrWhiteSpace(first.Tenant))
        {
            environment.Add(new("BUSINESSOPS_TENANT", first.Tenant));
        }

        return new SubmitJobRequest
        {
            JobName = BatchJobNames.ForSet(first.Repository, first.Agent, keys),
            JobQueue = target.Queue!,
            JobDefinition = target.JobDefinition!,
            ShareIdentifier = fairShare ? BatchJobNames.ShareFor(first.Tenant) : null,
            SchedulingPriorityOverride = fairShare ? BatchJobRequests.SchedulingPriority(first.Priority) : null,

            // The agent alone: the entrypoint adds each issue's --process-issue, --key and --phase from the set's lines.
            ContainerOverrides = new ContainerOverrides([first.Agent], environment),
            PropagateTags = true,
            Tags = new Dictionary<string, string>
            {
                ["businessops:agent"] = BatchJobRequests.TagValue(first.Agent),
                ["businessops:issues"] = BatchJobRequests.TagValue(issues),
                ["businessops:set-size"] = set.Count.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>The keys a set job carries, read back from its environment; empty for a job that is not a set.</summary>
    public static IReadOnlyList<string> KeysOf(JobDetail job) =>
        job.Container?.Environment?.FirstOrDefault(e => e.Name == KeysVariable)?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string Line(DispatchRequest request, string json) =>
        string.Create(CultureInfo.InvariantCulture, $"{request.Issue.Number}\t{request.Key}\t{request.Phase}\t{json}");
}
