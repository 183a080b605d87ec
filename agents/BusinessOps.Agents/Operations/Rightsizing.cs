namespace BusinessOps.Agents.Operations;

/// <summary>
/// What to do with one instance: <c>downsize</c> (to <see cref="CapacityFactor"/> of its size), <c>upsize</c> or
/// <c>keep</c>; <see cref="MonthlySavings"/> is negative for an upsize (it costs more).
/// </summary>
internal sealed record Rightsizing(InstanceUsage Usage, string Action, double CapacityFactor, decimal MonthlySavings, string Reason);
