namespace BusinessOps.TestKit.Automation;

/// <summary>
/// Threshold rules (<c>policies/triggers.yml</c> items) the trigger tests and the <c>trips</c> scenario share. Each is one
/// YAML list item indented for a <c>thresholds:</c> list; compose them with <see cref="Thresholds"/>.
/// </summary>
public static class ThresholdRules
{
    /// <summary>Marketing's <c>engagement_rate</c> below 0.05 opens a marketing follow-up, once a day.</summary>
    public const string LowEngagement = """
          - id: low-engagement
            watch: marketing
            when: engagement_rate < 0.05
            cooldown: 1d
            issue:
              title: "Engagement fell to {value}"
              agent: marketing
              labels: [marketing/content]
              priority: P2
              fields:
                Task: "Engagement {value} (from {issue}); propose changes."
        """;

    /// <summary>A <c>triggers.yml</c> whose <c>thresholds:</c> list holds <paramref name="rules"/>.</summary>
    public static string Thresholds(params string[] rules) => "thresholds:\n" + string.Join('\n', rules);
}
