namespace BusinessOps.Agents.Development;

/// <summary>One task with its Fibonacci story points, hours, the rule hits that raised it and the tasks (1-based) it waits for.</summary>
internal sealed record DevTask(string Title, int Points, int Hours, IReadOnlyList<string> Drivers)
{
    public IReadOnlyList<int> DependsOn { get; init; } = [];
}
