using System.Text;

namespace BusinessOps.Coordinator.Reports;

/// <summary>A rendered HTML report to a PDF file: the page written beside it, printed by <see cref="PdfPrinter"/>, then removed.</summary>
public static class PdfExport
{
    /// <summary>Writes <paramref name="pdfPath"/>; null on success, else the problem in one line (the HTML is kept and named).</summary>
    public static async Task<string?> WriteAsync(PdfPrinter printer, string html, string pdfPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var htmlPath = Path.ChangeExtension(Path.GetFullPath(pdfPath), ".html");
        Directory.CreateDirectory(Path.GetDirectoryName(htmlPath)!);
        await File.WriteAllTextAsync(htmlPath, html, new UTF8Encoding(false), cancellationToken);
        if (await printer.PrintAsync(htmlPath, pdfPath, cancellationToken) is { } problem)
        {
            return problem + (problem.Contains(htmlPath, StringComparison.Ordinal) ? string.Empty : $"; the HTML is at {htmlPath}");
        }

        File.Delete(htmlPath);
        return null;
    }
}
