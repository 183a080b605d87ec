using System.Diagnostics;
using Xunit;

namespace BusinessOps.EndToEnd.Tests;

[Collection("processes")]
public sealed class MonitorTests
{
    [Fact]
    public async Task Monitor_CtrlC_StopsCleanlyWithExit130()
    {
        using var c = new Coordinator();
        await c.FileAsync("Scan", "### Content\n\nhello", "security/compliance");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = c.Root, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Coordinator.Dll, "run", "--monitor", "--interval", "1s", "--store", c.Store })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stderr = new System.Text.StringBuilder();
        var firstPass = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.Contains("pass done", StringComparison.Ordinal) == true)
            {
                firstPass.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        await firstPass.Task.WaitAsync(TimeSpan.FromMinutes(2));

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 130, stderr.ToString());
        Assert.Contains("status/done", Labels.Of(await c.ShowAsync(1)));
    }
}
