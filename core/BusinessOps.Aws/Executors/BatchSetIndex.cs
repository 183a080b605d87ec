using BusinessOps.Aws.Batch;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// Which set job carries which key. A set's name covers the set, not each key, so a key is found by listing the
/// repository's set jobs created since the oldest dispatch asked about (one ListJobs by name prefix per queue, newest
/// first) and reading each job's keys from DescribeJobs (its environment), which also gives the status to report.
/// </summary>
internal sealed class BatchSetIndex(BatchClient client)
{
    /// <summary>Margin for the clocks of the coordinator and AWS: a job is looked for from this long before its intent.</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(10);

    /// <summary>The set job of each key found (keys in no set job are absent). Throws <see cref="Errors.AwsException"/>.</summary>
    public async Task<Dictionary<string, JobDetail>> FindAsync(IReadOnlyCollection<string> queues, IReadOnlyCollection<(string Key, string Repository, DateTimeOffset Since)> wanted, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JobDetail>(StringComparer.Ordinal);
        var keys = wanted.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (repository, since) in wanted.GroupBy(w => w.Repository, StringComparer.Ordinal).Select(g => (g.Key, g.Min(w => w.Since) - ClockSlack)))
        {
            var prefix = BatchJobNames.SetPrefix(repository);
            foreach (var queue in queues)
            {
                var summaries = await client.ListJobsByPrefixAsync(queue, prefix, since, cancellationToken);
                foreach (var chunk in summaries.Select(s => s.JobId).Distinct(StringComparer.Ordinal).Chunk(BatchClient.DescribeBatchSize))
                {
                    foreach (var job in await client.DescribeJobsAsync(chunk, cancellationToken))
                    {
                        foreach (var key in BatchSetRequests.KeysOf(job).Where(keys.Contains))
                        {
                            // A key submitted twice (a crash between submit and record) keeps its newest job.
                            if (!found.TryGetValue(key, out var seen) || (job.CreatedAt ?? 0) > (seen.CreatedAt ?? 0))
                            {
                                found[key] = job;
                            }
                        }
                    }
                }
            }
        }

        return found;
    }
}
