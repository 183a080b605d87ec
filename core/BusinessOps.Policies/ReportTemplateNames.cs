namespace BusinessOps.Policies;

/// <summary>
/// The coordinator's own templates in <c>policies/templates/</c> (the report and the dashboard), which a business may
/// reword. Each has a built-in copy: one that does not parse is reported with file:line and the built-in one is used,
/// so it never stops a command. They are not the agents' comment templates (<see cref="Agents.AgentFileNames"/>).
/// </summary>
public static class ReportTemplateNames
{
    public const string ReportMarkdown = "report.md.sbn";
    public const string ReportHtml = "report.html.sbn";
    public const string Dashboard = "dashboard.md.sbn";
    public const string Folder = "templates";

    public static IReadOnlyList<string> All { get; } = [ReportMarkdown, ReportHtml, Dashboard];
}
