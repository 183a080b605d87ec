namespace BusinessOps.GitHub.Api;

/// <summary>What holds the issue in both pin answers: <c>repository</c> of the lookup, <c>pin_issue</c> of the mutation.</summary>
internal sealed class PinnedIssueHolder
{
    public PinnedIssue? Issue { get; set; }
}
