using BusinessOps.Aws.Executors;

namespace BusinessOps.Aws.Batch;

/// <summary>
/// The cost of finished Batch jobs per operation: each job's <see cref="FargateCost"/> estimate divided by the issues it
/// carried (a set's keys; one for a single-issue job). Jobs without resources or run times are left out and counted.
/// </summary>
public sealed record BatchCostEstimate(int Jobs, int Issues, decimal TotalUsd, int Unpriced)
{
    /// <summary>USD per issue, or 0 when nothing was priced.</summary>
    public decimal PerIssueUsd => Issues == 0 ? 0 : TotalUsd / Issues;

    public static BatchCostEstimate From(IEnumerable<JobDetail> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        int count = 0, issues = 0, unpriced = 0;
        decimal total = 0;
        foreach (var job in jobs)
        {
            if (FargateCost.Of(job) is not { } usd)
            {
                unpriced++;
                continue;
            }

            count++;
            total += usd;
            issues += Math.Max(1, BatchSetRequests.KeysOf(job).Count);
        }

        return new BatchCostEstimate(count, issues, total, unpriced);
    }
}
