using System.Diagnostics;

namespace BusinessOps.GitHub.Tests.Support;

/// <summary>
/// Locates (and on first use installs, with <c>npm ci</c> from the checked-in lock file) the test-only npm tools under
/// <c>tests/BusinessOps.GitHub.Tests/npm</c>. Without npm the tests fail with a message saying what to install:
/// they must run, not skip, in CI.
/// </summary>
internal static class NodeTools
{
    private static readonly Lazy<Task<string>> Install = new(InstallAsync);

    /// <summary>The <c>node_modules</c> folder, installed if needed.</summary>
    public static Task<string> NodeModulesAsync() => Install.Value;

    public static string ToolsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("Cannot find the repository root (BusinessOps.sln) above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "tests", "BusinessOps.GitHub.Tests", "npm");
    }

    private static async Task<string> InstallAsync()
    {
        var tools = ToolsDirectory();
        var modules = Path.Combine(tools, "node_modules");
        string[] required = ["@stoplight/prism-cli/package.json", "@octokit/openapi/generated/api.github.com.json", "@octokit/webhooks-examples/api.github.com/index.json"];
        if (required.All(r => File.Exists(Path.Combine(modules, r))))
        {
            return modules;
        }

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
            throw new InvalidOperationException("npm is required for the GitHub contract and webhook tests: install Node.js 18+ and npm (apt-get install -y nodejs npm), or run tests/BusinessOps.GitHub.Tests/setup.sh.", ex);
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

        return modules;
    }
}
