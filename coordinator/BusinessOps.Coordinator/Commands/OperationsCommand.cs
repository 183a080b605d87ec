using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Coordinator.Reports.Terminal;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator operations</c>: what is in flight, with its age and executor.</summary>
internal static class OperationsCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var cmd = new Command("operations", "What is in flight: each dispatched or queued issue with its agent, executor, attempt and age");
        cmd.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local"), async session =>
        {
            var screen = Screen.For(session.Output, host.ExportToProcess);
            var facts = await screen.WhileAsync("Reading the KPI index…", () => KpiSource.ReadAsync(session.Backend, refresh: true, ct));
            OperationsView.Write(screen, facts, session.Clock.GetUtcNow());
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
