using System.Diagnostics;
using System.Text.Json;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>
/// Real webhook payloads from npm <c>@octokit/webhooks-examples</c>, from the GitHub tests' pinned tool folder
/// (<c>tests/BusinessOps.GitHub.Tests/npm</c>, same package.json and lock file). Installed with <c>npm ci</c> on first use
/// when missing, under a file lock so test projects running in parallel do not install twice at once.
/// </summary>
internal static class WebhookExamples
{
    private const string IndexPath = "@octokit/webhooks-examples/api.github.com/index.json";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The payloads of <paramref name="eventName"/> with action <paramref name="action"/>, as raw JSON.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(string eventName, string action)
    {
        var modules = await NodeModulesAsync();
        using var index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(modules, IndexPath)));
        return [.. index.RootElement.EnumerateArray()
            .Where(w => w.GetProperty("name").GetString() == eventName)
            .SelectMany(w => w.GetProperty("examples").EnumerateArray())
            .Where(e => e.GetProperty("action").GetString() == action)
            .Select(e => e.GetRawText())];
    }

    /// <summary>The repository root (the folder holding BusinessOps.sln) above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (BusinessOps.sln) above " + AppContext.BaseDirectory);
    }

    private static async Task<string> NodeModulesAsync()
    {
        var tools = Path.Combine(RepositoryRoot(), "tests", "BusinessOps.GitHub.Tests", "npm");
        var modules = Path.Combine(tools, "node_modules");
        if (File.Exists(Path.Combine(modules, IndexPath)))
        {
            return modules;
        }

        await Gate.WaitAsync();
        try
        {
            // The GitHub tests' own helper installs into the same folder without this lock: if its install is under way
            // (node_modules exists, the payloads not yet), wait for it rather than start a second npm ci over it.
            if (Directory.Exists(modules) && await AppearsAsync(Path.Combine(modules, IndexPath), TimeSpan.FromMinutes(3)))
            {
                return modules;
            }

            using var processLock = await LockAsync(Path.Combine(tools, ".npm-ci.lock"));
            if (!File.Exists(Path.Combine(modules, IndexPath)))
            {
                await NpmCiAsync(tools);
            }

            return modules;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> AppearsAsync(string path, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(1000);
        }

        return true;
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                // Another test process is installing: wait for it (at most ~5 minutes).
                await Task.Delay(500);
            }
        }
    }

    private static async Task NpmCiAsync(string tools)
    {
        var start = new ProcessStartInfo("npm", ["ci", "--prefix", tools, "--no-audit", "--no-fund", "--loglevel=error"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("npm is required for the webhook tests: install Node.js 18+ and npm (apt-get install -y nodejs npm), or run tests/BusinessOps.GitHub.Tests/setup.sh.", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {tools} failed with exit code {process.ExitCode}: {await stderr}");
            }
        }
    }
}
