using System.Text.Json;
using BusinessOps.Connectors.Commands;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;

namespace BusinessOps.Connectors.Tests.Commands;

public sealed class CommandConnectorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("businessops-command-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Perform_ScriptReadsTheEffectOnStdin_DoneWithItsLastLineAsReference()
    {
        var script = Script("deploy.sh", """
            input=$(cat)
            printf '%s' "$input" > "$OUT_DIR/input.json"
            echo "deploying..."
            echo "deployment 42 started for $BUSINESSOPS_EFFECT_KEY"
            """);
        var connector = Connector(Command(script) with { Environment = ["OUT_DIR"] });
        var request = Samples.Request(Samples.Command());

        var outcome = await connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Equal($"deployment 42 started for {request.KeyText}", outcome.Reference);
        using var input = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "input.json")));
        Assert.Equal(request.KeyText, input.RootElement.GetProperty("key").GetString());
        Assert.Equal("command.run", input.RootElement.GetProperty("kind").GetString());
        Assert.Equal("1.2.3", input.RootElement.GetProperty("parameters").GetProperty("input").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Perform_EnvironmentIsClean_OnlyDeclaredVariablesReachTheProgram()
    {
        var script = Script("env.sh", "env > \"$OUT_DIR/env.txt\"");
        var environment = Samples.Env(("OUT_DIR", _dir), ("PATH", "/usr/bin:/bin"), ("GITHUB_TOKEN", "ghs_secret"), ("AWS_SECRET_ACCESS_KEY", "aws-secret"));
        var connector = new CommandConnector(Policy(Command(script) with { Environment = ["OUT_DIR"] }), environment, TimeProvider.System, localExecutor: true);

        await connector.PerformAsync(Samples.Request(Samples.Command()), CancellationToken.None);

        var env = await File.ReadAllTextAsync(Path.Combine(_dir, "env.txt"));
        Assert.Contains("BUSINESSOPS_EFFECT_KEY=acme/ops#7/a1/execute/e1", env, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_secret", env, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-secret", env, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perform_ExitOne_FailsPermanentlyWithStderrLine()
    {
        var script = Script("fail.sh", "echo 'payment rejected: account frozen' >&2; exit 1");

        var outcome = await Connector(Command(script)).PerformAsync(Samples.Request(Samples.Command()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Equal("command 'deploy' exited 1: payment rejected: account frozen", outcome.Error);
    }

    [Fact]
    public async Task Perform_ExitTempFail_FailsForNow()
    {
        var script = Script("busy.sh", "echo 'lock held, try later' >&2; exit 75");

        var outcome = await Connector(Command(script)).PerformAsync(Samples.Request(Samples.Command()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
    }

    [Fact]
    public async Task Perform_Overruns_KillsTheWholeProcessGroupIncludingDetachedChildrenAndReportsUnknown()
    {
        // The grandchild leaves the process tree (its parent subshell exits) but stays in the process group.
        var script = Script("hang.sh", """
            ( sleep 300 > /dev/null 2>&1 & echo $! > "$OUT_DIR/grandchild.pid" )
            sleep 300
            """);
        var connector = Connector(Command(script) with { Timeout = TimeSpan.FromSeconds(1), Environment = ["OUT_DIR"] });

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Command()), CancellationToken.None);

        Assert.Equal(EffectStatus.Unknown, outcome.Status);
        Assert.Contains("did not finish within 1s", outcome.Error, StringComparison.Ordinal);
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "grandchild.pid")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsAlive(pid), $"grandchild {pid} survived the timeout");
    }

    [Fact]
    public async Task Perform_HugeOutput_CappedAndStillFinishes()
    {
        var script = Script("chatty.sh", "head -c 5000000 /dev/zero | tr '\\0' 'x'; echo; echo done-ref");

        var outcome = await Connector(Command(script)).PerformAsync(Samples.Request(Samples.Command()), CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.True(outcome.Reference!.Length <= EffectOutcome.MaxTextLength);
    }

    [Fact]
    public async Task Perform_ProgramMissing_FailsPermanentlyNamingIt()
    {
        var outcome = await Connector(Command(Path.Combine(_dir, "missing.sh"))).PerformAsync(Samples.Request(Samples.Command()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
    }

    [Fact]
    public async Task Check_CheckableScript_TellsHandledFromNotHandled()
    {
        var script = Script("pay.sh", """
            if [ "$BUSINESSOPS_EFFECT_CHECK" = "1" ]; then
              if [ -f "$OUT_DIR/$(echo "$BUSINESSOPS_EFFECT_KEY" | tr '/#' '__')" ]; then echo "payment P-1"; exit 0; else exit 3; fi
            fi
            touch "$OUT_DIR/$(echo "$BUSINESSOPS_EFFECT_KEY" | tr '/#' '__')"
            echo "payment P-1"
            """);
        var connector = Connector(Command(script) with { Checkable = true, Environment = ["OUT_DIR"] });
        var request = Samples.Request(Samples.Command());

        var before = await connector.CheckAsync(request, CancellationToken.None);
        await connector.PerformAsync(request, CancellationToken.None);
        var after = await connector.CheckAsync(request, CancellationToken.None);

        Assert.Equal(EffectPresence.NotPerformed, before.Presence);
        Assert.Equal(EffectPresence.Performed, after.Presence);
        Assert.Equal("payment P-1", after.Reference);
    }

    [Fact]
    public void Unavailable_NotLocalExecutor_SaysCommandsRunOnlyLocally()
    {
        var connector = new CommandConnector(Policy(Command("/bin/true")), Samples.Env(), TimeProvider.System, localExecutor: false);

        Assert.Contains("only with the local executor", connector.Unavailable(Samples.Command()), StringComparison.Ordinal);
    }

    [Fact]
    public void Unavailable_Disabled_SaysSo()
    {
        var connector = new CommandConnector(Policy(Command("/bin/true")) with { Enabled = false }, Samples.Env(), TimeProvider.System, localExecutor: true);

        Assert.Equal("the command connector is not enabled in policies/connectors.yml", connector.Unavailable(Samples.Command()));
    }

    private CommandConnector Connector(CommandDefinition command) =>
        new(Policy(command), Samples.Env(("OUT_DIR", _dir), ("PATH", Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")), TimeProvider.System, localExecutor: true);

    private static CommandConnectorPolicy Policy(CommandDefinition command) => new(true, [command]);

    private static CommandDefinition Command(string program) => new("deploy", program, [], TimeSpan.FromSeconds(20), []);

    private string Script(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    // A killed process whose new parent has not reaped it yet is a zombie: dead, though its pid still exists.
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        var text = File.ReadAllText(stat);
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }
}
