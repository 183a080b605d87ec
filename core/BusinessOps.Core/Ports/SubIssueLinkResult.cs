namespace BusinessOps.Core.Ports;

/// <summary>What became of a sub-issue link: <see cref="SubIssueLinkOutcome"/> and, when refused, why (for the log).</summary>
public readonly record struct SubIssueLinkResult(SubIssueLinkOutcome Outcome, string? Reason = null)
{
    public static SubIssueLinkResult Linked { get; } = new(SubIssueLinkOutcome.Linked);

    public static SubIssueLinkResult Unsupported { get; } = new(SubIssueLinkOutcome.Unsupported);

    public static SubIssueLinkResult Refused(string reason) => new(SubIssueLinkOutcome.Refused, reason);
}
