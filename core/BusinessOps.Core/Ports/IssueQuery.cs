namespace BusinessOps.Core.Ports;

/// <summary>Which issues to list. <see cref="Since"/> enables incremental passes (issues updated at or after).</summary>
public sealed record IssueQuery(IssueStateFilter State = IssueStateFilter.Open, IReadOnlyList<string>? Labels = null, DateTimeOffset? Since = null)
{
    public static IssueQuery Open { get; } = new();
}

public enum IssueStateFilter
{
    Open,
    Closed,
    All,
}
