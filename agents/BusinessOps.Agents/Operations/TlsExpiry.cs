using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Operations;

/// <summary>How close a certificate is to expiry, by <c>operations.yml</c>: <c>ok</c>, <c>warning</c>, <c>critical</c> or <c>expired</c>.</summary>
internal static class TlsExpiry
{
    /// <summary>Whole days left (negative once expired), rounded down: a certificate expiring in 5 days and 3 hours has 5.</summary>
    public static int DaysLeft(DateTimeOffset notAfter, DateTimeOffset now) => (int)Math.Floor((notAfter - now).TotalDays);

    public static string Assess(DateTimeOffset notAfter, DateTimeOffset now, OperationsRules rules)
    {
        if (notAfter <= now)
        {
            return "expired";
        }

        var days = DaysLeft(notAfter, now);
        return days < rules.TlsCriticalDays ? "critical" : days < rules.TlsWarnDays ? "warning" : "ok";
    }
}
