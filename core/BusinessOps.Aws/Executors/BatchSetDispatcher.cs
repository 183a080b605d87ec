using System.Collections.Concurrent;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Errors;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// Sets on AWS Batch: a pass's dispatches of the same priority, agent and client are packed into jobs of up to
/// <see cref="BatchSets.MaxIssues"/> issues, submitted before the shell asks for each outcome. A short last set waits
/// (its issues report "submitted" without a job) when <see cref="BatchSets.MaxWait"/> is set: nothing is held in memory,
/// the recorded intent is the state. Once the tracker has looked for such a key long enough (the longer of
/// <see cref="BatchSets.MaxWait"/> and ListJobs' consistency grace) it reports it not found, the shell dispatches the same
/// key again, and a set holding such an aged key goes at once, with whatever companions the pass has.
/// </summary>
internal sealed class BatchSetDispatcher(BatchClient client, DispatchPolicy policy, QueuePolicies queues)
{
    // This pass's outcomes by key, taken by DispatchAsync.
    private readonly ConcurrentDictionary<string, DispatchOutcome> _prepared = new(StringComparer.Ordinal);

    // Keys the tracker reported not found after their wait: they have waited enough and go in this pass's sets.
    private readonly ConcurrentDictionary<string, byte> _aged = new(StringComparer.Ordinal);

    /// <summary>True when any Batch priority may put several issues in one job.</summary>
    public bool InUse => policy.Targets.Values.Any(t => t.Executor == ExecutorKind.Batch && t.Sets.Enabled);

    /// <summary>How long a key without a job is "in flight" before it is reported not found: covers the longest wait.</summary>
    public TimeSpan NotFoundAfter => policy.Targets.Values.Where(t => t.Executor == ExecutorKind.Batch).Select(t => t.Sets.MaxWait).Append(BatchExecutor.NotFoundGrace).Max();

    public bool TryTake(string key, out DispatchOutcome outcome) => _prepared.TryRemove(key, out outcome!);

    public void MarkAged(string key) => _aged[key] = 0;

    public async Task PrepareAsync(IReadOnlyList<DispatchRequest> requests, CancellationToken cancellationToken)
    {
        _prepared.Clear();
        var groups = requests
            .Where(r => policy.For(r.Priority) is { Executor: ExecutorKind.Batch, Sets.Enabled: true })
            .GroupBy(r => (r.Priority, r.Agent, Tenant: r.Tenant ?? string.Empty));
        foreach (var group in groups)
        {
            await PrepareGroupAsync(policy.For(group.Key.Priority), [.. group], cancellationToken);
        }
    }

    private async Task PrepareGroupAsync(DispatchTarget target, List<DispatchRequest> requests, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(target.Queue) || string.IsNullOrWhiteSpace(target.JobDefinition))
        {
            Settle(requests, DispatchOutcome.Failure(BatchExecutor.ExecutorName, $"policies/dispatch.yml: {requests[0].Priority} has no Batch queue and job definition; set both for this priority.", permanent: true));
            return;
        }

        // Issues that already waited go first, so they are never left in a set that waits again.
        var members = new List<BatchSetMember>();
        foreach (var request in requests.OrderBy(r => _aged.ContainsKey(r.Key) ? 0 : 1))
        {
            if (BatchSetRequests.Member(request) is { } member)
            {
                members.Add(member);
            }
            else
            {
                _prepared[request.Key] = DispatchOutcome.Failure(
                    BatchExecutor.ExecutorName,
                    $"Issue #{request.Issue.Number} is too large to hand to a Batch job even without its comments (SubmitJob carries at most 30 KiB): shorten its body, or send {request.Priority} to Lambda in policies/dispatch.yml.",
                    permanent: true);
            }
        }

        var (sets, lastIsOpen) = BatchSetPacking.Pack(members, target.Sets.MaxIssues, BatchJobRequests.MaxIssueDataChars, BatchSetRequests.EncodedSize);
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            var waits = i == sets.Count - 1 && lastIsOpen && target.Sets.MaxWait > TimeSpan.Zero && !set.Any(m => _aged.ContainsKey(m.Request.Key));
            if (waits)
            {
                // The intent is on each issue; no job yet. The tracker keeps reporting nothing until the wait is over.
                Settle(set.Select(m => m.Request), new DispatchOutcome(DispatchStatus.Submitted, BatchExecutor.ExecutorName));
                continue;
            }

            await SubmitAsync(set, target, cancellationToken);
        }
    }

    private async Task SubmitAsync(List<BatchSetMember> set, DispatchTarget target, CancellationToken cancellationToken)
    {
        var requests = set.Select(m => m.Request).ToList();
        try
        {
            var name = BatchJobNames.ForSet(requests[0].Repository, requests[0].Agent, [.. requests.Select(r => r.Key)]);
            var existing = (await client.ListJobsByNameAsync(target.Queue!, name, cancellationToken))
                .Where(j => string.Equals(j.JobName, name, StringComparison.Ordinal))
                .MaxBy(j => j.CreatedAt ?? 0);
            var jobId = existing?.JobId
                ?? (await client.SubmitJobAsync(BatchSetRequests.Build(set, target, await queues.IsFairShareAsync(target.Queue!, cancellationToken)), cancellationToken)).JobId;
            Settle(requests, new DispatchOutcome(DispatchStatus.Submitted, BatchExecutor.ExecutorName, ExternalId: jobId));
        }
        catch (AwsException e)
        {
            Settle(requests, DispatchOutcome.Failure(BatchExecutor.ExecutorName, e.Message, e.Permanent));
        }
    }

    private void Settle(IEnumerable<DispatchRequest> requests, DispatchOutcome outcome)
    {
        foreach (var request in requests)
        {
            _prepared[request.Key] = outcome;
            _aged.TryRemove(request.Key, out _);
        }
    }
}
