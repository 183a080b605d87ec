using BusinessOps.Coordinator.Tests.Cli;
using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports.Browser;

/// <summary><c>report --format pdf</c> printed by the real headless Chromium (a child process, as in production).</summary>
public sealed class ReportPdfTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Report_Pdf_PrintedByChromium_IsAPdf_AndTheHtmlIsRemoved()
    {
        await KpiStore.BuildAsync(_cli.StorePath, _cli.Clock);
        _cli.Environment["BUSINESSOPS_CHROMIUM"] = TestChromium.Path;
        var pdf = Path.Combine(_cli.Root, "out", "acme.pdf");

        var run = await _cli.RunAsync("report", "--store", _cli.StorePath, "--client", "acme", "--format", "pdf", "--out", pdf);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains("wrote " + pdf, run.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.True(bytes.Length > 5_000, $"a {bytes.Length}-byte PDF is too small to hold the report");
        Assert.False(File.Exists(Path.ChangeExtension(pdf, ".html")));
    }
}
