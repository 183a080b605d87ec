using System.Diagnostics;
using System.Text.Json;
using BusinessOps.TestKit;

namespace BusinessOps.Connectors.Tests.Support;

/// <summary>
/// The Standard Webhooks reference verifier (the <c>standardwebhooks</c> npm package, pinned by the lock file in
/// <c>npm/</c>), installed with <c>npm ci</c> on first use and run with node. Without node and npm the test fails
/// saying what to install: it must run in CI, not skip.
/// </summary>
internal static class NodeVerifier
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> VerifyAsync(string secret, string payload, IReadOnlyDictionary<string, string> headers)
    {
        var folder = await InstallAsync();
        var input = JsonSerializer.Serialize(new Dictionary<string, object> { ["secret"] = secret, ["payload"] = payload, ["headers"] = headers });
        var (exit, output) = await RunAsync("node", [Path.Combine(folder, "verify.mjs")], folder, input);
        return exit is 0 or 1 ? output.Trim() : $"node failed ({exit}): {output}";
    }

    private static async Task<string> InstallAsync()
    {
        var folder = Path.Combine(NpmTools.RepositoryRoot(), "tests", "BusinessOps.Connectors.Tests", "npm");
        var marker = Path.Combine(folder, "node_modules", "standardwebhooks", "package.json");
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(marker))
            {
                var (exit, output) = await RunAsync("npm", ["ci", "--prefix", folder, "--no-audit", "--no-fund", "--loglevel=error"], folder, null);
                Assert.True(exit == 0, $"npm ci in {folder} failed ({exit}); the webhook tests need node and npm (apt-get install nodejs npm): {output}");
            }

            return folder;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string[] arguments, string directory, string? input)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
