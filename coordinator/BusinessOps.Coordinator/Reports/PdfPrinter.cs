using System.Diagnostics;

namespace BusinessOps.Coordinator.Reports;

/// <summary>
/// Prints an HTML file to PDF with headless Chromium (Debian's <c>chromium</c> package; <c>BUSINESSOPS_CHROMIUM</c>
/// names another binary). Runs with no network access it needs (the page is self-contained), in a throw-away profile,
/// and is killed with its process tree when it takes longer than <see cref="Timeout"/>.
/// </summary>
public sealed class PdfPrinter(string executable)
{
    public const string Variable = "BUSINESSOPS_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

    public string Executable => executable;

    /// <summary>The Chromium this environment names, or the Debian path.</summary>
    public static PdfPrinter From(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new PdfPrinter(environment.GetValueOrDefault(Variable) is { Length: > 0 } path ? path : DefaultPath);
    }

    /// <summary>Why a PDF cannot be printed here (Chromium missing), or null.</summary>
    public string? Unavailable() => File.Exists(executable)
        ? null
        : $"Chromium is not installed ({executable} not found), so no PDF can be printed: install it (apt-get install chromium) or set {Variable} to a Chromium binary, or use --format html";

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>; the error in one line, or null on success.</summary>
    public async Task<string?> PrintAsync(string htmlPath, string pdfPath, CancellationToken cancellationToken)
    {
        if (Unavailable() is { } missing)
        {
            return missing;
        }

        var profile = Directory.CreateTempSubdirectory("businessops-chromium-");
        try
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + profile.FullName,
                "--print-to-pdf=" + Path.GetFullPath(pdfPath), new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return $"Chromium did not finish printing within {Timeout.TotalSeconds:0} s; the HTML is at {htmlPath}";
            }

            if (process.ExitCode != 0 || !File.Exists(pdfPath))
            {
                var detail = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
                return $"Chromium failed to print the PDF (exit {process.ExitCode}: {detail}); the HTML is at {htmlPath}";
            }

            return null;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"Chromium could not be started ({executable}: {ex.Message}); the HTML is at {htmlPath}";
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by a dying Chromium: the temporary folder is left for the system to clean.
            }
        }
    }
}
