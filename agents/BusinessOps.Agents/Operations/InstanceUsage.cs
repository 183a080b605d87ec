namespace BusinessOps.Agents.Operations;

/// <summary>One row of the resource-usage CSV: an instance, its type, p95 CPU and memory (shares 0–1) and its monthly cost in USD.</summary>
internal sealed record InstanceUsage(string Instance, string Type, double CpuP95, double MemoryP95, decimal MonthlyCost);
