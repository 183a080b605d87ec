namespace BusinessOps.Core.Issues;

/// <summary>GitHub's two issue states.</summary>
public enum IssueState
{
    Open,
    Closed,
}
