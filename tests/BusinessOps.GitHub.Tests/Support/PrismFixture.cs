using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BusinessOps.TestKit;

namespace BusinessOps.GitHub.Tests.Support;

/// <summary>
/// Prism (<c>@stoplight/prism-cli</c>) mocking GitHub's official OpenAPI description on loopback, shared by the
/// contract tests because loading the 13 MB description takes seconds. Responses are generated from the schemas
/// (<c>--dynamic</c>, seeded) because some of the description's static examples are wrapped in <c>value</c> objects.
/// The whole process tree is killed at the end.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private Process? _process;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Measured time from process start to the first answered request.</summary>
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var modules = await NpmTools.NodeModulesAsync();
        var prism = Path.Combine(modules, "@stoplight", "prism-cli", "dist", "index.js");
        var spec = Path.Combine(modules, "@octokit", "openapi", "generated", "api.github.com.json");
        var port = FreePort();
        var start = new ProcessStartInfo("node", [prism, "mock", "--dynamic", "--seed", "businessops", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), spec])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js is required for the GitHub contract test (apt-get install -y nodejs npm).", ex);
        }

        // Drain output so the child never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {_process.ExitCode} before listening.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "zen"));
                StartupTime = clock.Elapsed;
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: polling an external process is the one real wait here.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        throw new InvalidOperationException("Prism did not start listening within 3 minutes.");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
