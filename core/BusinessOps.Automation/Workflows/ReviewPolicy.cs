namespace BusinessOps.Automation.Workflows;

/// <summary>
/// The creator → reviewer loop of one step: a reviewer <see cref="Agent"/> (or a person of <see cref="Role"/>) gets the
/// step's outputs; the review passes when its outputs say <c>approved: true</c> or its <see cref="ScoreField"/> is at
/// least <see cref="MinScore"/>. Below the bar the step runs again with the reviewer's <see cref="FeedbackField"/> in its
/// input (<c>reviewFeedback</c>), at most <see cref="MaxRounds"/> rounds; then the workflow escalates.
/// </summary>
public sealed record ReviewPolicy(string? Agent, string? Role, double MinScore, int MaxRounds)
{
    public const int MaxAllowedRounds = 10;

    public string ScoreField { get; init; } = "score";

    public string FeedbackField { get; init; } = "feedback";

    /// <summary>What the reviewer checks against (e.g. "the quality gates of the brand guide").</summary>
    public string? Criteria { get; init; }

    public string Reviewer => Agent ?? "a person with the role " + Role;
}
