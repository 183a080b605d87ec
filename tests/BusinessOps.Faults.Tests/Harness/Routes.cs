namespace BusinessOps.Faults.Tests.Harness;

/// <summary>Issues as the issue forms file them: one routing label (five families in rotation) and one priority label.</summary>
internal static class Routes
{
    private static readonly string[] Families = ["finance/analysis", "dev/qa", "support/quality-assurance", "analytics/reporting", "security/compliance"];

    public static string[] LabelsFor(int i) => [Families[i % Families.Length], "priority/P" + (i % 4)];
}
