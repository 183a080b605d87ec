using System.Diagnostics;

namespace BusinessOps.TestKit;

/// <summary>
/// The test-only npm tools (Prism, GitHub's OpenAPI description, webhook examples), pinned by the lock file in
/// <c>tests/BusinessOps.GitHub.Tests/npm</c> and installed with <c>npm ci</c> on first use. One install at a time across
/// test processes (a file lock), because <c>dotnet test</c> runs test projects in parallel. Without npm the tests fail
/// with a message saying what to install: they must run, not skip, in CI.
/// </summary>
public static class NpmTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static readonly string[] Required =
    [
        "@stoplight/prism-cli/package.json",
        "@octokit/openapi/generated/api.github.com.json",
        "@octokit/webhooks-examples/api.github.com/index.json",
    ];

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

    /// <summary>The <c>node_modules</c> folder with every required package, installed if needed.</summary>
    public static Task<string> NodeModulesAsync() =>
        NodeModulesAsync(Path.Combine(RepositoryRoot(), "tests", "BusinessOps.GitHub.Tests", "npm"), Required);

    /// <summary>
    /// The <c>node_modules</c> of another test tool folder (its own <c>package.json</c> and lock file), installed with
    /// <c>npm ci</c> under the same lock when one of <paramref name="required"/> is missing.
    /// </summary>
    public static async Task<string> NodeModulesAsync(string tools, IReadOnlyList<string> required)
    {
        var modules = Path.Combine(tools, "node_modules");
        if (Complete(modules, required))
        {
            return modules;
        }

        await Gate.WaitAsync();
        try
        {
            using var processLock = await LockAsync(Path.Combine(tools, ".npm-ci.lock"));
            if (!Complete(modules, required))
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

    private static bool Complete(string modules, IReadOnlyList<string> required) => required.All(r => File.Exists(Path.Combine(modules, r)));

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
            throw new InvalidOperationException("npm is required for the contract tests (GitHub, SQS) and the webhook tests: install Node.js 18+ and npm (apt-get install -y nodejs npm), or run tests/BusinessOps.GitHub.Tests/setup.sh.", ex);
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
