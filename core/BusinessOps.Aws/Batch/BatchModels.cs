namespace BusinessOps.Aws.Batch;

// The request and response shapes of the AWS Batch API (2016-08-10) that we use, camelCase as on the wire.
// Only the fields we send or read are modelled; unknown response fields are ignored.

/// <summary>POST /v1/submitjob.</summary>
public sealed record SubmitJobRequest
{
    public required string JobName { get; init; }

    public required string JobQueue { get; init; }

    public required string JobDefinition { get; init; }

    public string? ShareIdentifier { get; init; }

    public int? SchedulingPriorityOverride { get; init; }

    public ContainerOverrides? ContainerOverrides { get; init; }

    public RetryStrategy? RetryStrategy { get; init; }

    public bool? PropagateTags { get; init; }

    public JobTimeout? Timeout { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>Command and environment for the job's container.</summary>
public sealed record ContainerOverrides(IReadOnlyList<string> Command, IReadOnlyList<EnvironmentVariable> Environment);

/// <summary>One container environment variable.</summary>
public sealed record EnvironmentVariable(string Name, string Value);

/// <summary>Attempts (1–10) and the exit conditions that decide RETRY or EXIT (at most five, first match wins).</summary>
public sealed record RetryStrategy(int Attempts, IReadOnlyList<EvaluateOnExit> EvaluateOnExit);

/// <summary>Glob conditions (letters, digits, '.', ':', spaces, optional trailing '*') and the action, RETRY or EXIT.</summary>
public sealed record EvaluateOnExit(string Action, string? OnStatusReason = null, string? OnReason = null, string? OnExitCode = null);

/// <summary>Per-attempt timeout in seconds (at least 60).</summary>
public sealed record JobTimeout(int AttemptDurationSeconds);

/// <summary>SubmitJob's answer.</summary>
public sealed record SubmitJobResponse(string JobId, string JobName, string? JobArn);

/// <summary>POST /v1/describejobs: at most 100 job ids.</summary>
public sealed record DescribeJobsRequest(IReadOnlyList<string> Jobs);

/// <summary>DescribeJobs' answer.</summary>
public sealed record DescribeJobsResponse(IReadOnlyList<JobDetail>? Jobs);

/// <summary>One job as DescribeJobs reports it; times are epoch milliseconds.</summary>
public sealed record JobDetail
{
    public required string JobId { get; init; }

    public string? JobName { get; init; }

    public string? JobQueue { get; init; }

    public required string Status { get; init; }

    public string? StatusReason { get; init; }

    public long? CreatedAt { get; init; }

    public long? StartedAt { get; init; }

    public long? StoppedAt { get; init; }

    public IReadOnlyList<AttemptDetail>? Attempts { get; init; }

    /// <summary>The container as run: its environment (job definition and overrides merged) and its resources.</summary>
    public ContainerDetail? Container { get; init; }
}

/// <summary>What DescribeJobs reports of a job's container; only what the set index and the cost estimate read.</summary>
public sealed record ContainerDetail
{
    public IReadOnlyList<EnvironmentVariable>? Environment { get; init; }

    public IReadOnlyList<ResourceRequirement>? ResourceRequirements { get; init; }
}

/// <summary>A job's resource (Fargate: VCPU in vCPUs, MEMORY in MiB), as text on the wire.</summary>
public sealed record ResourceRequirement(string Type, string Value);

/// <summary>One attempt of a job.</summary>
public sealed record AttemptDetail(AttemptContainerDetail? Container, string? StatusReason);

/// <summary>How an attempt's container ended.</summary>
public sealed record AttemptContainerDetail(int? ExitCode, string? Reason);

/// <summary>POST /v1/listjobs. With <see cref="Filters"/> set, Batch ignores jobStatus and returns jobs of every status.</summary>
public sealed record ListJobsRequest
{
    public string? JobQueue { get; init; }

    public IReadOnlyList<KeyValuesPair>? Filters { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>A ListJobs filter, e.g. JOB_NAME.</summary>
public sealed record KeyValuesPair(string Name, IReadOnlyList<string> Values);

/// <summary>ListJobs' answer (one page).</summary>
public sealed record ListJobsResponse(IReadOnlyList<JobSummary>? JobSummaryList, string? NextToken);

/// <summary>One job in a ListJobs page.</summary>
public sealed record JobSummary
{
    public required string JobId { get; init; }

    public required string JobName { get; init; }

    public string? Status { get; init; }

    public string? StatusReason { get; init; }

    public long? CreatedAt { get; init; }
}

/// <summary>POST /v1/describejobqueues: queues by name or ARN.</summary>
public sealed record DescribeJobQueuesRequest(IReadOnlyList<string> JobQueues);

/// <summary>DescribeJobQueues' answer.</summary>
public sealed record DescribeJobQueuesResponse(IReadOnlyList<JobQueueDetail>? JobQueues);

/// <summary>One job queue; <see cref="SchedulingPolicyArn"/> is set only for fair-share queues.</summary>
public sealed record JobQueueDetail
{
    public required string JobQueueName { get; init; }

    public string? JobQueueArn { get; init; }

    public string? State { get; init; }

    public string? Status { get; init; }

    public string? SchedulingPolicyArn { get; init; }
}
