namespace BusinessOps.Coordinator.Reports;

/// <summary>
/// Where <c>--out</c> writes: a path ending in a separator, or an existing folder, is a folder (for GitHub Pages:
/// <c>index.html</c>, else <c>report.md</c>, <c>report.json</c>, <c>report.pdf</c>); anything else is the file itself.
/// </summary>
public static class ReportPaths
{
    public static string Target(string @out, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(@out);
        var folder = @out.EndsWith('/') || @out.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(@out);
        if (!folder)
        {
            return Path.GetFullPath(@out);
        }

        var name = format == ReportFormat.Html ? "index.html" : "report." + ReportFormats.Extension(format);
        return Path.GetFullPath(Path.Combine(@out, name));
    }
}
