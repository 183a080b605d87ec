using System.Globalization;

namespace BusinessOps.Aws.Batch;

/// <summary>
/// An estimate of what a Batch job cost on Fargate: vCPU-seconds and GB-seconds at the on-demand prices of Linux/x86 in
/// us-east-1 (USD 0.04048 per vCPU-hour, 0.004445 per GB-hour), billed per second with a one-minute minimum per task.
/// The run is taken from DescribeJobs (startedAt to stoppedAt), so image pull and start-up before it are not counted:
/// a lower bound, and the minimum dominates short agent runs — which is what sharing a task between issues saves.
/// Fargate Spot costs up to 70% less; other regions differ by a few percent.
/// </summary>
public static class FargateCost
{
    public const decimal UsdPerVcpuHour = 0.04048m;

    public const decimal UsdPerGbHour = 0.004445m;

    public static readonly TimeSpan MinimumBilled = TimeSpan.FromMinutes(1);

    /// <summary>The estimate for a task of <paramref name="vcpu"/> vCPUs and <paramref name="memoryMiB"/> MiB that ran <paramref name="ran"/>.</summary>
    public static decimal Task(decimal vcpu, decimal memoryMiB, TimeSpan ran)
    {
        var billed = (decimal)(ran > MinimumBilled ? ran : MinimumBilled).TotalSeconds;
        return billed / 3600m * ((vcpu * UsdPerVcpuHour) + (memoryMiB / 1024m * UsdPerGbHour));
    }

    /// <summary>The estimate for a finished job, or null when DescribeJobs did not say its resources or run times.</summary>
    public static decimal? Of(JobDetail job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var resources = job.Container?.ResourceRequirements ?? [];
        if (Resource(resources, "VCPU") is not { } vcpu || Resource(resources, "MEMORY") is not { } memory || job.StartedAt is not { } started || job.StoppedAt is not { } stopped)
        {
            return null;
        }

        return Task(vcpu, memory, TimeSpan.FromMilliseconds(Math.Max(0, stopped - started)));
    }

    private static decimal? Resource(IReadOnlyList<ResourceRequirement> resources, string type) =>
        resources.FirstOrDefault(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)) is { } r
        && decimal.TryParse(r.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
