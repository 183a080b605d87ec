using System.CommandLine;
using BusinessOps.Coordinator.Commands;
using BusinessOps.Coordinator.Commands.Issues;
using BusinessOps.Core;
using BusinessOps.Core.Scrubbing;

namespace BusinessOps.Coordinator.Cli;

/// <summary>
/// The coordinator's command line, runnable in process: output and errors go to the writers given (tests capture them),
/// response files are off (an argument starting with '@' is text), and every usage error exits 2 with one line per problem.
/// </summary>
public static class CoordinatorCli
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var global = new GlobalOptions();
        var root = new RootCommand(
            "BusinessOps coordinator — runs a business's operations out of GitHub issues.\n"
            + "It routes each labeled issue to one of fourteen agents, dispatches it (locally, or to AWS Lambda/Batch),\n"
            + "and writes progress back as labels and comments. Without GitHub or AWS settings it uses a local SQLite store.\n"
            + "Start with: coordinator demo")
        {
            global.Policies,
            global.Store,
            global.Verbose,
            global.LogFormat,
        };
        root.Subcommands.Add(DemoCommand.Create(global, host));
        root.Subcommands.Add(RunCommand.Create(global, host));
        root.Subcommands.Add(IssuesCommand.Create(global.Store, host.Clock, host.Environment));
        root.Subcommands.Add(PoliciesCommand.Create(global));
        root.Subcommands.Add(ScheduleCommand.Create(global, host));
        root.Subcommands.Add(WorkflowCommand.Create(global, host));
        root.Subcommands.Add(LabelsCommand.Create(global, host));
        root.Subcommands.Add(ReportCommand.Create(global, host));
        root.Subcommands.Add(StatusCommand.Create(global, host));
        root.Subcommands.Add(OperationsCommand.Create(global, host));
        root.Subcommands.Add(PlanCommand.Create(global, host));
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create(global, host));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CliHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(host);
        SecretMasker.Process.AddFromEnvironment(host.Environment);
        var root = Create(host);

        // No response files: '@everyone …' is a title, and '@/etc/shadow' must never be read and echoed.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync("error: " + problem.Message + UsageHint.For(parse, problem));
            }

            await error.WriteLineAsync($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            // Signals are the caller's (Program: TerminationSignals → cancellationToken); none registered here, so an in-process
            // run (tests) never takes over the host's signals.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not a user's mistake: one masked line instead of a stack trace, and a non-zero exit.
            await error.WriteLineAsync(SecretMasker.Process.Mask($"error: unexpected {ex.GetType().Name}: {ex.Message}. This is a bug; please report it with the command you ran."));
            return ExitCodes.Failure;
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(r.Parent is null ? "coordinator" : r.Command.Name);
        }

        return names.Count == 0 ? "coordinator" : string.Join(' ', names);
    }
}
