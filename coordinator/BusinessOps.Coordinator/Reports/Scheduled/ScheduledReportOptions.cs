using BusinessOps.Automation.Clients;
using BusinessOps.Core.Kpis.Snapshots;

namespace BusinessOps.Coordinator.Reports.Scheduled;

/// <summary>
/// What the scheduled reports need besides the store: the KPI targets (<c>alerts.yml</c>), the clients' names
/// (<c>tenants.yml</c>), the Chromium that prints the PDFs, the folder they go to, the link to the run's artifacts
/// (GitHub Actions; null elsewhere), how issues are linked and where the figures come from.
/// </summary>
public sealed record ScheduledReportOptions(KpiTargets Targets, ClientDirectory Clients, PdfPrinter Printer, string Folder, string? ArtifactsUrl, string? IssueUrl, string Source);
