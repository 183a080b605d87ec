using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Coordinator.Reports.Terminal;
using BusinessOps.Core;
using BusinessOps.Core.Kpis;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator status</c>: the operation at a glance (tables in a terminal, plain lines otherwise).</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var cmd = new Command("status", "The operation at a glance: KPIs against their targets, open issues by status, what needs a person, open alerts");
        cmd.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local"), async session =>
        {
            if (AlertsGate.Load(parse.GetValue(g.Policies), session.Error) is not { } alerts)
            {
                return ExitCodes.BadInput;
            }

            var screen = Screen.For(session.Output, host.ExportToProcess);
            var facts = await screen.WhileAsync("Reading the KPI index…", () => KpiSource.ReadAsync(session.Backend, refresh: true, ct));
            var now = session.Clock.GetUtcNow();
            var snapshot = KpiCalculator.Compute(facts, new KpiQuery(KpiPeriod.Ending(KpiPeriodKind.Week, now), null, alerts.Targets, now));
            StatusView.Write(screen, session.Store.Location, facts, snapshot, now);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
