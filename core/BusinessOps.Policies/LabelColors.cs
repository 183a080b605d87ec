using BusinessOps.Core.Labels;

namespace BusinessOps.Policies;

/// <summary>Fixed colours so the board reads the same in every repository: red is urgent, green is done.</summary>
public static class LabelColors
{
    // A palette for routing families; unknown families get a stable pick by name, never a random one.
    private static readonly (string Family, string Color)[] Families =
    [
        ("dev", "1d76db"), ("operations", "006b75"), ("support", "0075ca"), ("analytics", "5319e7"),
        ("security", "b60205"), ("success", "0e8a16"), ("finance", "fbca04"), ("marketing", "d876e3"),
        ("sales", "c5def5"), ("management", "bfdadc"),
    ];

    private static readonly string[] Palette = ["1d76db", "006b75", "0075ca", "5319e7", "0e8a16", "d876e3", "c5def5", "bfdadc", "e4e669", "f9d0c4"];

    public static IReadOnlyList<(IssueStatus Status, string Color, string Description)> Statuses { get; } =
    [
        (IssueStatus.Queued, "c5def5", "Waiting for an agent"),
        (IssueStatus.InProgress, "1d76db", "An agent is working on it"),
        (IssueStatus.AwaitingApproval, "fbca04", "Waiting for /approve or /reject from an approver"),
        (IssueStatus.AwaitingDecision, "f9d0c4", "Decision brief posted; a human decides"),
        (IssueStatus.Done, "0e8a16", "Completed"),
        (IssueStatus.Failed, "d93f0b", "Last attempt failed; retried with backoff"),
        (IssueStatus.Escalated, "b60205", "Needs a manager: repeated failures or a breach"),
        (IssueStatus.NeedsTriage, "e99695", "Cannot be routed or is invalid; see the comment"),
        (IssueStatus.OnHold, "bfd4f2", "Paused with /hold; /unhold resumes"),
    ];

    public static string For(Priority priority) => priority switch
    {
        Priority.P0 => "b60205",
        Priority.P1 => "d93f0b",
        Priority.P2 => "fbca04",
        _ => "0e8a16",
    };

    public static string ForFamily(string label)
    {
        var family = label.Split('/')[0];
        foreach (var (name, color) in Families)
        {
            if (string.Equals(name, family, StringComparison.OrdinalIgnoreCase))
            {
                return color;
            }
        }

        // FNV-1a over the family name: stable across runs and machines, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var ch in family)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return Palette[hash % (uint)Palette.Length];
    }
}
