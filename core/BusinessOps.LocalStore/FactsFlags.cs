namespace BusinessOps.LocalStore;

/// <summary>The bits of the KPI index's <c>flags</c> column (one integer for three booleans the SQL groups by).</summary>
internal static class FactsFlags
{
    public const int Breached = 1;
    public const int Escalated = 2;
    public const int Human = 4;
}
