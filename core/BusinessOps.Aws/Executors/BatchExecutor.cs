using System.Globalization;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Errors;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// P1–P3 on AWS Batch. Idempotent per key across crashes: the job name derives from the key, and before submitting we
/// look the name up (ListJobs, JOB_NAME filter, every status) and reuse what is there. With <see cref="BatchSets"/> in
/// dispatch.yml, a pass's dispatches of one agent and client share jobs (<see cref="PrepareAsync"/>); a set's name covers
/// its keys, and the tracker finds each key's job through <see cref="BatchSetIndex"/>. Never throws for AWS failures:
/// missing resources and denied permissions are permanent failures naming what to fix; throttling and 5xx are not.
/// </summary>
public sealed class BatchExecutor : IExecutor, IDispatchPreparer
{
    public const string ExecutorName = "batch";

    /// <summary>The report state when DescribeJobs itself failed (throttled, denied, unreachable).</summary>
    public const string UnavailableState = "UNAVAILABLE";

    private readonly BatchClient _client;
    private readonly DispatchPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly QueuePolicies _queues;
    private readonly BatchSetDispatcher _sets;
    private readonly BatchSetIndex _setIndex;

    public BatchExecutor(BatchClient client, DispatchPolicy policy, TimeProvider clock)
    {
        _client = client;
        _policy = policy;
        _clock = clock;
        _queues = new QueuePolicies(client);
        _sets = new BatchSetDispatcher(client, policy, _queues);
        _setIndex = new BatchSetIndex(client);
    }

    /// <summary>
    /// How long a SUCCEEDED job may go without its result being recorded: the agent sends the result before it exits, so
    /// past this the message was lost (or never sent) and the attempt fails instead of waiting forever.
    /// </summary>
    public static readonly TimeSpan ResultGrace = TimeSpan.FromMinutes(5);

    public string Name => ExecutorName;

    /// <summary>Packs this pass's set-enabled dispatches into jobs and submits them; each DispatchAsync then returns its outcome.</summary>
    public Task PrepareAsync(IReadOnlyList<DispatchRequest> requests, CancellationToken cancellationToken) =>
        _sets.PrepareAsync(requests, cancellationToken);

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        if (_sets.TryTake(request.Key, out var prepared))
        {
            return prepared;
        }

        var target = _policy.For(request.Priority);
        if (string.IsNullOrWhiteSpace(target.Queue) || string.IsNullOrWhiteSpace(target.JobDefinition))
        {
            return DispatchOutcome.Failure(Name, $"policies/dispatch.yml: {request.Priority} has no Batch queue and job definition; set both for this priority.", permanent: true);
        }

        var jobName = BatchJobNames.ForKey(request.Key);
        try
        {
            var existing = (await _client.ListJobsByNameAsync(target.Queue, jobName, cancellationToken))
                .Where(j => string.Equals(j.JobName, jobName, StringComparison.Ordinal))
                .OrderByDescending(j => j.CreatedAt ?? 0)
                .FirstOrDefault();
            if (existing is not null)
            {
                return new DispatchOutcome(DispatchStatus.Submitted, Name, ExternalId: existing.JobId);
            }

            var fairShare = await _queues.IsFairShareAsync(target.Queue, cancellationToken);
            if (BatchJobRequests.Build(request, target, jobName, fairShare) is not { } submit)
            {
                return DispatchOutcome.Failure(
                    Name,
                    $"Issue #{request.Issue.Number} is too large to hand to a Batch job even without its comments (SubmitJob carries at most 30 KiB): shorten its body, or send {request.Priority} to Lambda in policies/dispatch.yml.",
                    permanent: true);
            }

            var submitted = await _client.SubmitJobAsync(submit, cancellationToken);
            return new DispatchOutcome(DispatchStatus.Submitted, Name, ExternalId: submitted.JobId);
        }
        catch (AwsException e)
        {
            return DispatchOutcome.Failure(Name, e.Message, e.Permanent);
        }
    }

    /// <summary>
    /// DescribeJobs in chunks of 100. Never throws for AWS failures: jobs that could not be described are reported with
    /// state <see cref="UnavailableState"/>, neither failed nor stuck, and the AWS error as the message.
    /// </summary>
    public async Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken)
    {
        var reports = new List<DispatchReport>();
        var mine = new List<TrackedDispatch>();
        var batch = dispatches.Where(d => string.Equals(d.Executor, Name, StringComparison.Ordinal)).ToList();
        var inSets = await FindInSetsAsync(batch.Where(d => string.IsNullOrWhiteSpace(d.ExternalId)).ToList(), cancellationToken);
        foreach (var d in batch)
        {
            if (inSets.TryGetValue(d.Key, out var setJob))
            {
                // A set's job was described while finding it: reported from that answer, no second DescribeJobs.
                reports.Add(Report(d with { ExternalId = setJob.JobId }, setJob));
                continue;
            }

            // The status comment records the intent (the key) but not the job id, to keep GitHub writes to two per
            // dispatch: the job is found by its deterministic name, exactly as the idempotent submit finds it.
            if (!string.IsNullOrWhiteSpace(d.ExternalId))
            {
                mine.Add(d);
            }
            else if (await FindByNameAsync(d, cancellationToken) is { } id)
            {
                mine.Add(d with { ExternalId = id });
            }
            else if (_clock.GetUtcNow() - d.DispatchedAt > _sets.NotFoundAfter)
            {
                // The intent is on the issue but no job carries its key: the submit never happened (a crash, a deferred
                // pass, or a set that waited for companions). The coordinator dispatches the same key again; the submit
                // stays idempotent, and a key that waited goes in this pass's set at once.
                _sets.MarkAged(d.Key);
                reports.Add(new DispatchReport(d.Key, DispatchReport.NotFound, Failed: false, Stuck: false, "no Batch job carries this key"));
            }
        }

        foreach (var chunk in mine.Chunk(BatchClient.DescribeBatchSize))
        {
            var ids = chunk.Select(d => d.ExternalId).Distinct(StringComparer.Ordinal).ToList();
            Dictionary<string, JobDetail> jobs;
            try
            {
                jobs = (await _client.DescribeJobsAsync(ids, cancellationToken)).ToDictionary(j => j.JobId, StringComparer.Ordinal);
            }
            catch (AwsException e)
            {
                // Not knowing is not failing: report why these jobs could not be followed and let the next pass try again.
                reports.AddRange(chunk.Select(d => new DispatchReport(d.Key, UnavailableState, Failed: false, Stuck: false, e.Message)));
                continue;
            }

            foreach (var dispatch in chunk)
            {
                reports.Add(jobs.TryGetValue(dispatch.ExternalId, out var job)
                    ? Report(dispatch, job)
                    : new DispatchReport(dispatch.Key, "UNKNOWN", Failed: true, Stuck: false, $"Batch job {dispatch.ExternalId} is unknown to AWS Batch (deleted, or finished more than 7 days ago)."));
            }
        }

        return reports;
    }

    /// <summary>The set jobs of keys without a recorded job id; empty when no priority uses sets or AWS did not answer.</summary>
    private async Task<Dictionary<string, JobDetail>> FindInSetsAsync(List<TrackedDispatch> unknown, CancellationToken cancellationToken)
    {
        if (!_sets.InUse || unknown.Count == 0)
        {
            return [];
        }

        var queues = _policy.Targets.Values.Where(t => t.Executor == ExecutorKind.Batch && t.Queue is not null).Select(t => t.Queue!).Distinct(StringComparer.Ordinal).ToList();
        var wanted = unknown
            .Select(d => (d.Key, Repository: IdempotencyKey.TryParse(d.Key, out var parsed) ? parsed.Repository : string.Empty, Since: d.DispatchedAt))
            .Where(w => w.Repository.Length > 0)
            .ToList();
        try
        {
            return await _setIndex.FindAsync(queues, wanted, cancellationToken);
        }
        catch (AwsException)
        {
            // Not found now is not failed: these keys are looked up by name below, and the next pass looks again.
            return [];
        }
    }

    /// <summary>
    /// How long a fresh intent may go unseen by ListJobs (eventually consistent) before it counts as never submitted
    /// (<see cref="DispatchReport.NotFound"/>).
    /// </summary>
    public static readonly TimeSpan NotFoundGrace = TimeSpan.FromMinutes(2);

    private async Task<string?> FindByNameAsync(TrackedDispatch dispatch, CancellationToken ct)
    {
        var name = BatchJobNames.ForKey(dispatch.Key);
        foreach (var queue in _policy.Targets.Values.Where(t => t.Executor == ExecutorKind.Batch && t.Queue is not null).Select(t => t.Queue!).Distinct(StringComparer.Ordinal))
        {
            try
            {
                var found = await _client.ListJobsByNameAsync(queue, name, ct);
                if (found.Count > 0)
                {
                    return found.MaxBy(j => j.CreatedAt ?? 0)!.JobId;
                }
            }
            catch (AwsException)
            {
                // Not found now is not failed: the next pass looks again.
                return null;
            }
        }

        return null;
    }

    private DispatchReport Report(TrackedDispatch dispatch, JobDetail job)
    {
        switch (job.Status)
        {
            case "FAILED":
                return new DispatchReport(dispatch.Key, job.Status, Failed: true, Stuck: false, $"Batch job {job.JobId} failed: {FailureReason(job)}");
            case "SUCCEEDED" when _clock.GetUtcNow() - (job.StoppedAt is { } stopped ? DateTimeOffset.FromUnixTimeMilliseconds(stopped) : dispatch.DispatchedAt) > ResultGrace:
                // Only dispatches without a recorded result are tracked, and the queue was drained first: none came.
                return new DispatchReport(dispatch.Key, job.Status, Failed: true, Stuck: false, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Batch job {job.JobId} succeeded but its result never reached the results queue within {ResultGrace.TotalMinutes:0} min: check BUSINESSOPS_RESULTS_QUEUE_URL in the job definition and the job role's sqs:SendMessage."));
            case "RUNNABLE":
                var since = job.CreatedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : dispatch.DispatchedAt;
                var waited = _clock.GetUtcNow() - since;
                var threshold = ThresholdFor(job.JobQueue);
                return waited > threshold
                    ? new DispatchReport(dispatch.Key, job.Status, Failed: false, Stuck: true, string.Create(
                        CultureInfo.InvariantCulture,
                        $"Batch job {job.JobId} has waited RUNNABLE for {waited.TotalMinutes:0} min (threshold {threshold.TotalMinutes:0} min): the compute environment cannot place it; check its max vCPUs, Fargate quotas, subnets and the job definition's resources."))
                    : new DispatchReport(dispatch.Key, job.Status, false, false, null);
            default:
                return new DispatchReport(dispatch.Key, job.Status, false, false, null);
        }
    }

    private static string FailureReason(JobDetail job)
    {
        var reason = job.StatusReason ?? "no reason given";
        var last = job.Attempts is { Count: > 0 } attempts ? attempts[^1] : null;
        if (last?.Container is { } container && (container.ExitCode is not null || container.Reason is not null))
        {
            reason += string.Create(CultureInfo.InvariantCulture, $" (last attempt: exit code {container.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}{(container.Reason is null ? string.Empty : ", " + container.Reason)})");
        }

        return reason;
    }

    private TimeSpan ThresholdFor(string? jobQueue)
    {
        var thresholds = _policy.Targets.Values
            .Where(t => t.Executor == ExecutorKind.Batch && t.Queue is not null && jobQueue is not null
                && (string.Equals(jobQueue, t.Queue, StringComparison.Ordinal) || jobQueue.EndsWith("/" + t.Queue, StringComparison.Ordinal)))
            .Select(t => t.RunnableThreshold)
            .ToList();
        return thresholds.Count > 0 ? thresholds.Min() : new DispatchTarget(ExecutorKind.Batch, null, null, null).RunnableThreshold;
    }
}
