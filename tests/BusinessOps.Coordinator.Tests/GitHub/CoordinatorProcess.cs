using System.Diagnostics;
using BusinessOps.Coordinator.Tests.Issues;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>
/// Runs the built coordinator (<c>coordinator.dll</c> beside the test binaries) as a child process, with the GitHub
/// environment of an Actions job pointing at a <see cref="FakeGitHubServer"/>, from the repository root (./policies).
/// </summary>
internal static class CoordinatorProcess
{
    public static async Task<CliRun> RunEventAsync(FakeGitHubServer server, string eventName, string payload, params string[] extra)
    {
        var work = Path.Combine(Path.GetTempPath(), "bo-event-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        try
        {
            var file = Path.Combine(work, "event.json");
            await File.WriteAllTextAsync(file, payload);
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "coordinator.dll"), "run", "--event", file, .. extra])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = WebhookExamples.RepositoryRoot(),
            };
            foreach (var name in new[] { "GH_TOKEN", "GITHUB_APP_ID", "GITHUB_APP_INSTALLATION_ID", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY_PATH", "GITHUB_APP_SLUG", "BUSINESSOPS_GITHUB_IDENTITY" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["GITHUB_TOKEN"] = server.Token;
            start.Environment["GITHUB_REPOSITORY"] = server.Owner + "/" + server.Repository;
            start.Environment["GITHUB_API_URL"] = server.BaseUrl.AbsoluteUri;
            start.Environment["GITHUB_EVENT_NAME"] = eventName;

            // The shipped schedules would open issues depending on the wall clock.
            start.Environment["BUSINESSOPS_AUTOMATION"] = "off";
            start.Environment["BUSINESSOPS_GITHUB_CACHE_DIR"] = Path.Combine(work, "cache");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return new CliRun(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
