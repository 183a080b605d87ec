namespace BusinessOps.Core.Issues;

/// <summary>
/// Everything the coordinator knows about one issue at one moment: the input of <c>Decide</c>.
/// Texts are untrusted; nothing in here is ever evaluated.
/// </summary>
public sealed record IssueSnapshot(
    int Number,
    string Title,
    string Body,
    IssueState State,
    IReadOnlyList<string> Labels,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<IssueComment> Comments)
{
    /// <summary>Case-insensitive label test (GitHub label names are case-insensitive).</summary>
    public bool HasLabel(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
