using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.Time;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Runs an agent executable as a child process with the agent contract: issue JSON on stdin, one result JSON on
/// stdout, exit code 0/1/2. A crashing, hanging or garbage-printing agent is a failed attempt, never a coordinator crash.
/// </summary>
public sealed class LocalExecutor(AgentLocator locator, LocalExecutorOptions options, TimeProvider clock, Log log) : IExecutor
{
    public string Name => "local";

    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        if (locator.Resolve(request.Agent) is not { } command)
        {
            return DispatchOutcome.Failure(Name, $"agent executable '{request.Agent}' not found in {string.Join(", ", locator.Directories)}; build it with 'dotnet build' or set BUSINESSOPS_AGENTS_DIR", permanent: true);
        }

        var psi = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in command.Prefix)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var a in new[] { "--process-issue", request.Issue.Number.ToString(CultureInfo.InvariantCulture), "--issue-data", "-", "--key", request.Key, "--phase", request.Phase })
        {
            psi.ArgumentList.Add(a);
        }

        if (options.StoreArgument is { } store)
        {
            psi.ArgumentList.Add("--store");
            psi.ArgumentList.Add(store);
        }

        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["BUSINESSOPS_KEY"] = request.Key;

        using var process = new Process { StartInfo = psi };
        var started = clock.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return DispatchOutcome.Failure(Name, $"could not start {request.Agent}: {ex.Message}", permanent: true);
        }

        using var timeout = new CancellationTokenSource(options.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stdoutTask = ReadBoundedAsync(process.StandardOutput, options.MaxStdoutBytes, linked.Token);
        var stderrTask = ReadBoundedAsync(process.StandardError, 64 * 1024, linked.Token);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(IssueJson.Write(request.Issue), linked.Token);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The agent exited before reading its input; its exit code and output tell why.
        }

        string stdout;
        bool overflow;
        try
        {
            (stdout, overflow) = await stdoutTask;
            if (overflow)
            {
                Kill(process);
                return DispatchOutcome.Failure(Name, $"{request.Agent} printed more than {options.MaxStdoutBytes / 1024} KB on stdout; a result is one JSON document", permanent: false);
            }

            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return DispatchOutcome.Failure(Name, $"{request.Agent} did not finish within {Durations.Words(options.Timeout)} and was stopped (whole process tree killed)", permanent: false);
        }

        var (stderr, _) = await stderrTask;
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(50))
        {
            log.Debug($"#{request.Issue.Number} {request.Agent}: {line.TrimEnd()}");
        }

        var elapsed = clock.GetElapsedTime(started);
        log.Debug($"#{request.Issue.Number} {request.Agent} exited {process.ExitCode} after {elapsed.TotalMilliseconds:0} ms");
        return Classify(request, process.ExitCode, stdout, stderr);
    }

    private DispatchOutcome Classify(DispatchRequest request, int exitCode, string stdout, string stderr)
    {
        AgentResult? result = null;
        string? parseError = null;
        try
        {
            result = string.IsNullOrWhiteSpace(stdout) ? null : JsonSerializer.Deserialize(stdout, CoreJson.Default.AgentResult);
        }
        catch (JsonException ex)
        {
            parseError = ex.Message;
        }

        if (exitCode == ExitCodes.Ok)
        {
            if (result is null)
            {
                var shown = Core.Decisions.Text.Inline(stdout.Length > 120 ? stdout[..120] : stdout);
                return DispatchOutcome.Failure(Name, $"{request.Agent} exited 0 but printed no result JSON ({(parseError is null ? "empty output" : "not JSON: " + shown)})", permanent: false);
            }

            return new DispatchOutcome(DispatchStatus.Completed, Name, Result: result);
        }

        var detail = result?.Summary ?? LastLine(stderr) ?? "no output";
        return exitCode switch
        {
            ExitCodes.BadInput => new DispatchOutcome(DispatchStatus.Failed, Name, Result: result, Error: detail, Permanent: true),
            ExitCodes.Failure => new DispatchOutcome(DispatchStatus.Failed, Name, Result: result, Error: detail),
            _ => DispatchOutcome.Failure(Name, $"{request.Agent} crashed with exit code {exitCode}: {detail}", permanent: false),
        };
    }

    private static string? LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : lines[^1];
    }

    private static async Task<(string Text, bool Overflow)> ReadBoundedAsync(StreamReader reader, int maxChars, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var buffer = new char[8192];
        while (true)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(), ct);
            if (n == 0)
            {
                return (sb.ToString(), false);
            }

            if (sb.Length + n > maxChars)
            {
                return (sb.ToString(), true);
            }

            sb.Append(buffer, 0, n);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
