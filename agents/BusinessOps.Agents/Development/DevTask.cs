namespace BusinessOps.Agents.Development;

/// <summary>One task with its Fibonacci story points, hours (4 per point) and the rule hits that raised it.</summary>
internal sealed record DevTask(string Title, int Points, int Hours, IReadOnlyList<string> Drivers);
