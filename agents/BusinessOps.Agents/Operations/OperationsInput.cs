namespace BusinessOps.Agents.Operations;

/// <summary>The form: endpoints to check (may be empty when only usage is given), the check options and the resource usage (may be empty).</summary>
internal sealed record OperationsInput(IReadOnlyList<Uri> Endpoints, HealthCheckOptions Options, IReadOnlyList<InstanceUsage> Usage);
