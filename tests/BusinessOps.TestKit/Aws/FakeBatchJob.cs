using System.Text.Json.Nodes;

namespace BusinessOps.TestKit.Aws;

/// <summary>A job in the fake Batch: its SubmitJob body, and a status the test scripts.</summary>
public sealed class FakeBatchJob(string jobId, string jobName, string queue, JsonObject request, DateTimeOffset createdAt)
{
    public string JobId { get; } = jobId;

    public string JobName { get; } = jobName;

    public string Queue { get; } = queue;

    /// <summary>The SubmitJob request body as received.</summary>
    public JsonObject Request { get; } = request;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Status { get; internal set; } = "SUBMITTED";

    public string? StatusReason { get; internal set; }

    public int? ExitCode { get; internal set; }

    /// <summary>When the job's container started (RUNNING), for the cost estimate.</summary>
    public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>When the job reached SUCCEEDED or FAILED.</summary>
    public DateTimeOffset? StoppedAt { get; internal set; }
}
