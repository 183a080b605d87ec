using System.Text.Encodings.Web;
using System.Text.Json;
using BusinessOps.Coordinator.Reports.Templates;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Reports;

/// <summary>One <see cref="KpiSnapshot"/> in each output: Markdown and HTML from the templates, JSON as it is.</summary>
public sealed class ReportRenderer(TemplateRenderer templates)
{
    /// <summary>Longest untrusted text (an issue title) placed in a report.</summary>
    private const int MaxText = 300;

    public TemplateRenderer Templates => templates;

    public string Markdown(KpiSnapshot snapshot, ReportContext context) =>
        templates.Render(ReportTemplateNames.ReportMarkdown, ReportModel.Build(snapshot, context, EscapeMarkdown, html: false));

    public string Html(KpiSnapshot snapshot, ReportContext context) =>
        templates.Render(ReportTemplateNames.ReportHtml, ReportModel.Build(snapshot, context, EscapeHtml, html: true));

    public string Dashboard(KpiSnapshot snapshot, ReportContext context) =>
        templates.Render(ReportTemplateNames.Dashboard, ReportModel.Build(snapshot, context, EscapeMarkdown, html: false));

    public static string Json(KpiSnapshot snapshot) => JsonSerializer.Serialize(snapshot, KpiJson.Pretty.KpiSnapshot);

    /// <summary>Untrusted text for Markdown: no mentions, no HTML, no table breaks, one line, bounded.</summary>
    public static string EscapeMarkdown(string text) => MarkdownSafe.Inline(text, MaxText);

    /// <summary>Untrusted text for HTML (element content and quoted attributes), bounded.</summary>
    public static string EscapeHtml(string text) => HtmlEncoder.Default.Encode(text.Length <= MaxText ? text : text[..MaxText] + "…");
}
