namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/manager.yml</c>: when an open issue counts as stale, and how similar two issues must be to be called duplicates.</summary>
public sealed record ManagerRules
{
    public static ManagerRules Default { get; } = new();

    /// <summary>An open issue with no activity for this many days is stale.</summary>
    public double StaleAfterDays { get; init; } = 14;

    /// <summary>Text similarity (0–1, Jaccard over the words of title and summary) at or above which an open issue is a possible duplicate.</summary>
    public double DuplicateSimilarity { get; init; } = 0.5;
}
