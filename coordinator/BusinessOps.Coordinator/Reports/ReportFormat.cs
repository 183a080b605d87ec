namespace BusinessOps.Coordinator.Reports;

/// <summary>What <c>coordinator report --format</c> writes.</summary>
public enum ReportFormat
{
    /// <summary>Markdown with Mermaid charts: issues, job summaries.</summary>
    Markdown,

    /// <summary>One self-contained page with inline SVG charts.</summary>
    Html,

    /// <summary>The <see cref="Core.Kpis.Snapshots.KpiSnapshot"/> as JSON, for machines.</summary>
    Json,

    /// <summary>The HTML page printed by headless Chromium.</summary>
    Pdf,
}
