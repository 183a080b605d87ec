using BusinessOps.Core.Kpis;

namespace BusinessOps.Coordinator.Reports;

/// <summary>What <c>coordinator report</c> was asked for: the period, an optional client, the format, and where to write (null = stdout).</summary>
public sealed record ReportRequest(KpiPeriodKind Period, string? Client, ReportFormat Format, string? Out);
