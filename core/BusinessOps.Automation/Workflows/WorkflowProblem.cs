namespace BusinessOps.Automation.Workflows;

/// <summary>
/// One thing wrong with a workflow definition: the step, where in it (<c>agent</c>, <c>needs</c>,
/// <c>inputs.draft</c>, <c>review</c>), and the message. <see cref="Unknown"/> and <see cref="Candidates"/> let the
/// policy loader add a "did you mean" and the file position.
/// </summary>
public sealed record WorkflowProblem(string Step, string Location, string Message)
{
    public string? Unknown { get; init; }

    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>For <c>needs</c> problems: which entry of the list.</summary>
    public string? NeedsEntry { get; init; }
}
