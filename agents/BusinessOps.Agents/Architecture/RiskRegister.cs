using System.Globalization;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Architecture;

/// <summary>
/// Risks with mitigations: each criterion the chosen option scores 2 or less on (mitigation by the criterion's theme:
/// cost, performance, operations, security, skills, vendor lock-in), a close call, a decision that is hard to reverse,
/// and the risks the form lists (<c>risk: mitigation</c>).
/// </summary>
internal static class RiskRegister
{
    public const string Field = "Risks";

    private static readonly (string[] Words, string Mitigation)[] Themes =
    [
        (["cost", "price", "pricing", "budget", "spend", "license", "licence", "tco"], "Set a budget alert, record a cost ceiling in this ADR and review actual spend after the first month."),
        (["performance", "latency", "throughput", "scale", "scalability", "speed"], "Load-test at twice the expected peak before rollout; define a latency objective and alert on it."),
        (["operations", "ops", "operability", "maintenance", "maintainability", "complexity", "reliability"], "Write the runbook and train on-call before go-live; automate routine operations."),
        (["security", "compliance", "privacy", "risk"], "Threat-model and security-review the design before rollout; least-privilege access and audit logging."),
        (["team", "skills", "skill", "experience", "familiarity", "learning", "hiring"], "Pair with an experienced engineer or budget training; start on a non-critical service."),
        (["vendor", "lock-in", "lockin", "portability", "ecosystem", "community", "support"], "Keep an adapter layer so the option can be replaced; document an exit plan."),
    ];

    public static IReadOnlyList<Risk> Assess(DecisionInput input, IReadOnlyList<RankedOption> ranking, double margin, bool close, IReadOnlyList<Risk> given)
    {
        var winner = ranking[0].Option;
        var risks = new List<Risk>();
        foreach (var ((name, _), score) in input.Criteria.Zip(input.Scores[winner]).Where(x => x.Second <= 2))
        {
            risks.Add(new Risk(string.Create(CultureInfo.InvariantCulture, $"{winner} is weak on {name} ({score}/5)"), Mitigation(name), "matrix"));
        }

        if (close)
        {
            risks.Add(new Risk(string.Create(CultureInfo.InvariantCulture, $"Close call: {ranking[1].Option} is within {margin:0.00} of {winner}"), "Re-score with the team and a second reviewer; decide with a time-boxed spike on the top two.", "matrix"));
        }

        risks.Add(new Risk("The decision is difficult to reverse once adopted", "Adopt behind an interface, migrate one component first and set a review date for this ADR.", "matrix"));
        risks.AddRange(given);
        return risks;
    }

    public static IReadOnlyList<Risk> Read(IssueForm form)
    {
        var lines = FormValues.Lines(form.Optional(Field));
        if (lines.Count > 20 || lines.Any(l => l.Length > 300))
        {
            throw IssueForm.Invalid(Field, "at most 20 lines `risk: mitigation`, each up to 300 characters", lines.Count.ToString(CultureInfo.InvariantCulture) + " lines");
        }

        return [.. lines.Select(l => l.IndexOf(':', StringComparison.Ordinal) is > 0 and var c && c < l.Length - 1
            ? new Risk(l[..c].Trim(), l[(c + 1)..].Trim(), "form")
            : new Risk(l.TrimEnd(':').Trim(), "No mitigation given: agree one and an owner before adopting.", "form"))];
    }

    private static string Mitigation(string criterion)
    {
        var theme = Themes.FirstOrDefault(t => Keywords.Hits(criterion, t.Words).Count > 0);
        return theme.Mitigation ?? $"Track {criterion} as a risk with an owner; revisit the decision if it materialises.";
    }
}
