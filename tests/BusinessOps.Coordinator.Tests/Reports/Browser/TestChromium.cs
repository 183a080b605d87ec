using BusinessOps.Coordinator.Reports;

namespace BusinessOps.Coordinator.Tests.Reports.Browser;

/// <summary>
/// The Chromium the browser and PDF tests use: <c>BUSINESSOPS_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>
/// (<c>.ci/run</c> installs it). Missing, the tests fail with what to install rather than pass without a browser.
/// </summary>
internal static class TestChromium
{
    public static string Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(PdfPrinter.Variable) is { Length: > 0 } named ? named : PdfPrinter.DefaultPath;
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"These tests need Chromium at {path}: apt-get install chromium, or set {PdfPrinter.Variable} to a Chromium binary.");
        }
    }
}
