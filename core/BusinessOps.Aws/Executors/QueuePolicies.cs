using System.Collections.Concurrent;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Errors;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// Whether each job queue schedules by fair share, learned once per run (DescribeJobQueues): a fair-share queue rejects a
/// job without a share identifier and a first-in-first-out queue rejects one with it, so the submit must know which.
/// </summary>
internal sealed class QueuePolicies(BatchClient client)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _fairShare = new(StringComparer.Ordinal);

    /// <summary>True for a fair-share queue. Throws <see cref="AwsException"/> (a missing queue is <see cref="AwsResourceNotFoundException"/>).</summary>
    public async Task<bool> IsFairShareAsync(string queue, CancellationToken cancellationToken)
    {
        var lookup = _fairShare.GetOrAdd(queue, q => new Lazy<Task<bool>>(() => DescribeAsync(q, cancellationToken)));
        try
        {
            return await lookup.Value;
        }
        catch (AwsException)
        {
            // A failed lookup is not remembered: the next dispatch asks again.
            _fairShare.TryRemove(queue, out _);
            throw;
        }
    }

    private async Task<bool> DescribeAsync(string queue, CancellationToken ct)
    {
        var found = await client.DescribeJobQueuesAsync([queue], ct);
        var detail = found.FirstOrDefault(q => q.JobQueueName == queue || q.JobQueueArn == queue)
            ?? throw new AwsResourceNotFoundException(
                $"AWS batch DescribeJobQueues: Batch job queue '{queue}' does not exist in this account and region: deploy the infra/ stack or fix BUSINESSOPS_BATCH_QUEUE / policies/dispatch.yml.", "ClientException", 400);
        return !string.IsNullOrEmpty(detail.SchedulingPolicyArn);
    }
}
