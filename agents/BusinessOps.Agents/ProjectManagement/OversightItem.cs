namespace BusinessOps.Agents.ProjectManagement;

/// <summary>One issue needing attention: why, how long it has been idle, the agent it belongs to, its owner (<c>delivery.yml</c> <c>owners</c>) and the next action.</summary>
internal sealed record OversightItem(int Number, string Title, string Reason, double AgeHours)
{
    public string Agent { get; init; } = string.Empty;

    public string Owner { get; init; } = string.Empty;

    public string NextAction { get; init; } = string.Empty;
}
