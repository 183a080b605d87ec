namespace BusinessOps.Agents.Samples;

/// <summary>A sample issue to file: title, issue-form body and labels. <see cref="Agent"/> is the agent it routes to (null when unroutable).</summary>
public sealed record SampleIssue(string? Agent, string Title, string Body, IReadOnlyList<string> Labels)
{
    /// <summary>True for the deliberately broken samples (unroutable or missing a required field).</summary>
    public bool ExpectNeedsTriage { get; init; }

    /// <summary>True for the samples whose run fails by design (a failed quality gate): the issue stays blocked.</summary>
    public bool ExpectFailure { get; init; }
}
