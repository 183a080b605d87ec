namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>A health band and its intervention playbook.</summary>
internal sealed record HealthBand(string Name, int Min, string Intervention)
{
    public static IReadOnlyList<HealthBand> All { get; } =
    [
        new("advocacy", 90, "Invite to the advocacy program: case study, referral and reference calls."),
        new("expansion", 70, "Open an expansion conversation: upsell the next tier or more seats."),
        new("engagement", 50, "Run an engagement plan: training sessions and a feature-adoption review."),
        new("retention", 30, "Start a retention plan: executive check-in and a success plan within 2 weeks."),
        new("emergency", 0, "Emergency: CSM and account executive call within 48 hours; escalate to the head of customer success."),
    ];

    /// <summary>The band for a 0–100 score (90–100 advocacy … 0–29 emergency).</summary>
    public static HealthBand For(double score) => All.First(b => score >= b.Min);
}
