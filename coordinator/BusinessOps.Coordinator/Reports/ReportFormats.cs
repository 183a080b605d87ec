namespace BusinessOps.Coordinator.Reports;

/// <summary>Spellings of <see cref="ReportFormat"/> on the command line and in file names.</summary>
public static class ReportFormats
{
    public const string Choices = "md, html, json or pdf";

    public static bool TryParse(string? text, out ReportFormat format)
    {
        format = ReportFormat.Markdown;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "md" or "markdown":
                return true;
            case "html":
                format = ReportFormat.Html;
                return true;
            case "json":
                format = ReportFormat.Json;
                return true;
            case "pdf":
                format = ReportFormat.Pdf;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The file extension, without the dot.</summary>
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Html => "html",
        ReportFormat.Json => "json",
        ReportFormat.Pdf => "pdf",
        _ => "md",
    };
}
