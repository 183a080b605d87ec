using System.Globalization;
using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary>What a review's outputs say: passed or not, the score if any, or why they say nothing usable.</summary>
internal sealed record ReviewVerdict(bool Passed, double? Score, double MinScore, string? Problem)
{
    /// <summary><c>approved: true|false</c> wins; otherwise the score field against the bar.</summary>
    public static ReviewVerdict Read(ReviewPolicy review, JsonObject? outputs)
    {
        if (outputs?["approved"] is JsonValue a && a.TryGetValue<bool>(out var approved))
        {
            return new ReviewVerdict(approved, null, review.MinScore, null);
        }

        if (StepInputs.Read(outputs, review.ScoreField) is JsonValue s && s.TryGetValue<double>(out var score) && double.IsFinite(score))
        {
            return new ReviewVerdict(score >= review.MinScore, score, review.MinScore, null);
        }

        return new ReviewVerdict(false, null, review.MinScore, $"gave neither 'approved' nor a numeric '{review.ScoreField}'");
    }

    /// <summary><c> (score 0.6 &lt; 0.8)</c> or empty.</summary>
    public string Describe() =>
        Score is { } s ? string.Create(CultureInfo.InvariantCulture, $" (score {s:0.###} < {MinScore:0.###})") : string.Empty;
}
