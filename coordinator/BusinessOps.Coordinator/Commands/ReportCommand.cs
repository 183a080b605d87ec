using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Core;
using BusinessOps.Core.Kpis;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator report</c>: the KPIs of a period (optionally one client's) as Markdown, HTML, JSON or PDF.</summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var period = new Option<string>("--period") { Description = "day (today, UTC), week (the last 7 days) or month (the last 30 days)", DefaultValueFactory = _ => "week", HelpName = "day|week|month" };
        var client = new Option<string?>("--client") { Description = "Only the issues of client/ID", HelpName = "ID" };
        var format = new Option<string>("--format") { Description = "md (Markdown with Mermaid charts), html (one self-contained page), json, or pdf (printed from the HTML by headless Chromium)", DefaultValueFactory = _ => "md", HelpName = "md|html|json|pdf" };
        var output = new Option<string?>("--out") { Description = "A file, or a folder ending in / (html: index.html, for GitHub Pages); default: stdout", HelpName = "PATH" };
        var json = new Option<bool>("--json") { Description = "Same as --format json" };
        var cmd = new Command("report", "KPIs against their targets: automation, SLA compliance by priority, errors, times to first action and to done, cost, approvals, escalations — by agent, priority, client and day")
        {
            period, client, format, output, json,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!KpiPeriod.TryParse(parse.GetValue(period), out var kind))
            {
                await error.WriteLineAsync($"error: --period must be {KpiPeriod.Choices} (got '{ReportRenderer.EscapeMarkdown(parse.GetValue(period) ?? string.Empty)}').");
                return ExitCodes.BadInput;
            }

            var chosen = parse.GetValue(json) ? "json" : parse.GetValue(format);
            if (!ReportFormats.TryParse(chosen, out var fmt))
            {
                await error.WriteLineAsync($"error: --format must be {ReportFormats.Choices} (got '{ReportRenderer.EscapeMarkdown(chosen ?? string.Empty)}').");
                return ExitCodes.BadInput;
            }

            var id = parse.GetValue(client)?.Trim();
            if (id is not null && (id.Length == 0 || id.Length > 100 || id.Any(char.IsWhiteSpace)))
            {
                await error.WriteLineAsync("error: --client must be a client id, as in the label client/ID (no spaces).");
                return ExitCodes.BadInput;
            }

            var request = new ReportRequest(kind, id?.ToLowerInvariant(), fmt, parse.GetValue(output));
            return await CoordinatorSession.RunAsync(
                SessionRequest.From(parse, g, host, "local"),
                session => ReportJob.RunAsync(session, request, parse.GetValue(g.Policies), ct));
        });
        return cmd;
    }
}
