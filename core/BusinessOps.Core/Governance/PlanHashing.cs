using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.Core.Governance;

/// <summary>Stable short hash of a plan's text, so a new plan voids approvals given for an older one.</summary>
public static class PlanHashing
{
    /// <summary>SHA-256 over the plan with line endings and trailing whitespace normalized; first 12 hex chars.</summary>
    public static string Compute(string plan)
    {
        var normalized = string.Join('\n', plan.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return Convert.ToHexStringLower(hash)[..12];
    }
}
