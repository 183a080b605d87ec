namespace BusinessOps.Coordinator.Reports.Templates;

/// <summary>The templates in <c>policies/templates/</c> a business may reword; each has a built-in copy in the coordinator.</summary>
public static class TemplateNames
{
    public const string ReportMarkdown = "report.md.sbn";
    public const string ReportHtml = "report.html.sbn";
    public const string Dashboard = "dashboard.md.sbn";
    public const string Folder = "templates";
}
