using System.Globalization;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// Pure rightsizing by <c>operations.yml</c>: p95 CPU and memory both below <c>downsizeBelow</c> → downsize to
/// <c>downsizeFactor</c> of the size, saving cost × (1 − factor) a month; p95 CPU or memory above <c>upsizeAbove</c> →
/// upsize to twice the size (costs as much again); otherwise keep.
/// </summary>
internal static class Rightsizer
{
    public static IReadOnlyList<Rightsizing> Recommend(IReadOnlyList<InstanceUsage> usage, OperationsRules rules) => [.. usage.Select(u => One(u, rules))];

    private static Rightsizing One(InstanceUsage u, OperationsRules rules)
    {
        if (u.CpuP95 > rules.UpsizeAbove || u.MemoryP95 > rules.UpsizeAbove)
        {
            var hot = u.CpuP95 >= u.MemoryP95 ? Inv($"CPU p95 {u.CpuP95:P0}") : Inv($"memory p95 {u.MemoryP95:P0}");
            return new Rightsizing(u, "upsize", 2, -u.MonthlyCost, Inv($"{hot} above {rules.UpsizeAbove:P0}"));
        }

        if (u.CpuP95 < rules.DownsizeBelow && u.MemoryP95 < rules.DownsizeBelow)
        {
            var savings = Math.Round(u.MonthlyCost * (1m - (decimal)rules.DownsizeFactor), 2);
            return new Rightsizing(u, "downsize", rules.DownsizeFactor, savings, Inv($"CPU p95 {u.CpuP95:P0} and memory p95 {u.MemoryP95:P0} below {rules.DownsizeBelow:P0}"));
        }

        return new Rightsizing(u, "keep", 1, 0m, "within thresholds");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
