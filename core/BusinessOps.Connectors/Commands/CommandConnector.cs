using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Commands;

/// <summary>
/// Runs <c>command.run</c> effects through a program named in <c>connectors.yml</c> (a team's deploy or payment
/// script), with the effect as JSON on standard input: <c>{key, kind, target, parameters}</c>. The program sees a clean
/// environment (<see cref="CommandDefinition"/>), is stopped with its whole process group when it overruns its
/// timeout, and has its output capped. Exit 0 = done (the last line of output is the reference), 75 (EX_TEMPFAIL) =
/// failed for now, anything else = failed; a timeout is <see cref="EffectStatus.Unknown"/> (it may have acted).
/// Runs only with the local executor and only when policy enables it.
/// </summary>
public sealed class CommandConnector(CommandConnectorPolicy policy, Func<string, string?> environment, TimeProvider clock, bool localExecutor) : IEffectConnector
{
    /// <summary>Characters of each output stream kept.</summary>
    public const int MaxOutputChars = 64 * 1024;

    /// <summary>Exit code meaning "try again later" (sysexits.h EX_TEMPFAIL).</summary>
    public const int TemporaryFailure = 75;

    /// <summary>Exit code of a check run meaning "this key was not handled".</summary>
    public const int NotHandled = 3;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] Inherited = ["PATH", "HOME", "LANG", "TMPDIR"];

    public string? Unavailable(Effect effect)
    {
        if (!policy.Enabled)
        {
            return "the command connector is not enabled in policies/connectors.yml";
        }

        if (!localExecutor)
        {
            return "the command connector runs only with the local executor (BUSINESSOPS_EXECUTOR=local), never on a shared runner";
        }

        return policy.Find(effect.Target) is null
            ? $"no command named '{Core.Governance.MarkdownSafe.Inline(effect.Target, 60)}' in policies/connectors.yml"
            : null;
    }

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (Unavailable(request.Effect) is { } problem)
        {
            return EffectOutcome.Failed(problem, permanent: true);
        }

        var command = policy.Find(request.Effect.Target)!;
        var run = await RunAsync(command, request, check: false, cancellationToken);
        if (run.StartError is { } startError)
        {
            return EffectOutcome.Failed(startError, permanent: true);
        }

        if (run.TimedOut)
        {
            return EffectOutcome.Unknown(string.Create(CultureInfo.InvariantCulture,
                $"command '{command.Name}' did not finish within {command.Timeout.TotalSeconds:0}s and was stopped with its process group; it may have acted"));
        }

        return run.ExitCode switch
        {
            0 => EffectOutcome.Done(LastLine(run.Stdout) ?? $"command '{command.Name}' exited 0"),
            TemporaryFailure => EffectOutcome.Failed(Failure(command, run), permanent: false),
            _ => EffectOutcome.Failed(Failure(command, run), permanent: true),
        };
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (Unavailable(request.Effect) is not null || policy.Find(request.Effect.Target) is not { Checkable: true } command)
        {
            return EffectCheck.CannotTell("the command is not declared checkable in connectors.yml");
        }

        var run = await RunAsync(command, request, check: true, cancellationToken);
        return run switch
        {
            { StartError: null, TimedOut: false, ExitCode: 0 } => EffectCheck.Performed(LastLine(run.Stdout) ?? $"command '{command.Name}' reports the key handled"),
            { StartError: null, TimedOut: false, ExitCode: NotHandled } => EffectCheck.NotPerformed,
            _ => EffectCheck.CannotTell(run.StartError ?? string.Create(CultureInfo.InvariantCulture, $"the check exited {run.ExitCode}")),
        };
    }

    private async Task<Run> RunAsync(CommandDefinition command, EffectRequest request, bool check, CancellationToken cancellationToken)
    {
        var info = ProcessGroup.StartInfo(command.Program, command.Arguments);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.WorkingDirectory = command.WorkingDirectory ?? string.Empty;
        Environment(info, command, request, check);

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new Run(-1, string.Empty, string.Empty, false, $"command '{command.Name}' cannot start {command.Program}: {ex.Message}");
        }

        using var timeout = new CancellationTokenSource(command.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stdout = BoundedReader.ReadAsync(process.StandardOutput, MaxOutputChars, CancellationToken.None);
        var stderr = BoundedReader.ReadAsync(process.StandardError, MaxOutputChars, CancellationToken.None);
        try
        {
            await WriteInputAsync(process, request, linked.Token);
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            ProcessGroup.Kill(process);
            var (partialOut, partialErr) = await DrainAsync(stdout, stderr);
            cancellationToken.ThrowIfCancellationRequested();
            return new Run(-1, partialOut, partialErr, true, null);
        }

        // The group may still hold children that outlive the program; they must not keep the pipes open.
        ProcessGroup.Kill(process);
        var (outText, errText) = await DrainAsync(stdout, stderr);
        return new Run(process.ExitCode, outText, errText, false, null);
    }

    // A descendant that left the group could hold the pipes open forever: wait a little, then read no further.
    private async Task<(string Stdout, string Stderr)> DrainAsync(Task<(string Text, bool Cut)> stdout, Task<(string Text, bool Cut)> stderr)
    {
        try
        {
            await Task.WhenAll(stdout, stderr).WaitAsync(DrainTimeout, clock);
            return ((await stdout).Text, (await stderr).Text);
        }
        catch (TimeoutException)
        {
            return (stdout.IsCompletedSuccessfully ? stdout.Result.Text : string.Empty, stderr.IsCompletedSuccessfully ? stderr.Result.Text : string.Empty);
        }
    }

    private void Environment(ProcessStartInfo info, CommandDefinition command, EffectRequest request, bool check)
    {
        var inherited = Inherited.Select(name => (name, value: environment(name))).ToList();
        info.Environment.Clear();
        foreach (var (name, value) in inherited.Concat(command.Environment.Select(name => (name, value: environment(name)))))
        {
            if (value is not null)
            {
                info.Environment[name] = value;
            }
        }

        info.Environment["BUSINESSOPS_EFFECT_KEY"] = request.KeyText;
        info.Environment["BUSINESSOPS_EFFECT_KIND"] = request.Effect.Kind;
        if (check)
        {
            info.Environment["BUSINESSOPS_EFFECT_CHECK"] = "1";
        }
    }

    private static async Task WriteInputAsync(Process process, EffectRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("key", request.KeyText);
                json.WriteString("kind", request.Effect.Kind);
                json.WriteString("target", request.Effect.Target);
                json.WritePropertyName("parameters");
                request.Effect.Parameters.WriteTo(json);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            await process.StandardInput.BaseStream.WriteAsync(buffer.ToArray(), cancellationToken);
            await process.StandardInput.BaseStream.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The program did not read its input (it exited or closed stdin); its exit code says the rest.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Broken pipe: the program is already gone.
            }
        }
    }

    private static string Failure(CommandDefinition command, Run run)
    {
        var said = LastLine(run.Stderr) ?? LastLine(run.Stdout);
        return string.Create(CultureInfo.InvariantCulture, $"command '{command.Name}' exited {run.ExitCode}") + (said is null ? string.Empty : ": " + said);
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    private sealed record Run(int ExitCode, string Stdout, string Stderr, bool TimedOut, string? StartError);
}
