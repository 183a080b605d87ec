using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Core;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator report</c>: issues by status, agent and priority, with cost, automation and error rates.</summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var cmd = new Command("report", "Summarize the store: issues by status, agent and priority; cost, automation rate, error rate, SLA breaches") { json };
        cmd.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local"), async session =>
        {
            var issues = await session.Store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), ct);
            var summary = OpsSummary.Build(issues, session.Store.Identity);
            if (parse.GetValue(json))
            {
                session.Output.WriteLine(SummaryPrinter.Json(summary, session.StoreArgument));
            }
            else
            {
                SummaryPrinter.PrintTable(session.Output, summary);
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
