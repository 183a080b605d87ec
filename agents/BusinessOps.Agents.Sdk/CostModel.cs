using System.Text;

namespace BusinessOps.Agents.Sdk;

/// <summary>
/// Deterministic compute-cost estimate, so budgets and daily limits can be tested:
/// $0.002 per run + $0.0005 per started KiB of issue body + agent-specific units (an HTTP check, an issue read).
/// </summary>
public static class CostModel
{
    public const decimal BaseUsd = 0.002m;
    public const decimal PerKibUsd = 0.0005m;

    /// <summary>Cost of one HTTP health check.</summary>
    public const decimal PerHttpCheckUsd = 0.0001m;

    /// <summary>Cost of looking at one issue digest handed in the context.</summary>
    public const decimal PerIssueReadUsd = 0.00001m;

    public static decimal Estimate(string body, decimal extraUsd = 0m)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        var kib = (bytes + 1023) / 1024;
        return decimal.Round(BaseUsd + (kib * PerKibUsd) + extraUsd, 6);
    }
}
