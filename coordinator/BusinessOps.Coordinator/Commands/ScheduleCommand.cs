using System.CommandLine;
using System.Globalization;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands;

/// <summary>
/// <c>coordinator schedule [--at TIME] [--dry-run]</c>: the schedule step of a pass on its own — open one issue per due slot
/// as of TIME (default now), or with <c>--dry-run</c> print what would open. Every reconcile pass does the same.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var at = new Option<string?>("--at") { Description = "Evaluate as of this instant, with its offset (2026-03-09T08:00:00-07:00 or …Z): see what would fire, or backfill a missed slot" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the slots that would open and the issues that would close; write nothing" };
        var cmd = new Command("schedule", "Open the issues of the schedules' due slots (policies/schedules.yml and per-client schedules in tenants.yml)") { at, dryRun };
        cmd.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local", storeMustExist: false), async session =>
        {
            var asOf = session.Clock.GetUtcNow();
            if (parse.GetValue(at) is { } text && !TryParseInstant(text, out asOf))
            {
                await session.Error.WriteLineAsync($"error: --at '{text}' is not an instant with an offset: use e.g. 2026-03-09T08:00:00-07:00 or 2026-03-09T15:00:00Z.");
                return ExitCodes.BadInput;
            }

            if (session.Automation.Schedules.Count == 0)
            {
                await session.Output.WriteLineAsync("No schedules: policies/schedules.yml and tenants.yml define none.");
                return ExitCodes.Ok;
            }

            var outcome = await AutomationSteps.For(session, parse.GetValue(dryRun)).RunSchedulesAsync(session.Store, asOf, ct);
            foreach (var issue in outcome.ToReconcile)
            {
                await session.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"opened #{issue.Number}: {issue.Title}"));
            }

            var when = asOf.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            await session.Output.WriteLineAsync(parse.GetValue(dryRun)
                ? $"as of {when}: dry run, nothing written"
                : string.Create(CultureInfo.InvariantCulture, $"as of {when}: {outcome.Opened} opened, {outcome.Closed} closed ({session.Automation.Schedules.Count} schedules)"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>An ISO 8601 instant with an explicit offset or <c>Z</c>; a bare local time is ambiguous and refused.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        var t = text.Trim();
        var hasOffset = t.EndsWith('Z') || t.EndsWith('z') || (t.Length > 6 && t[^6] is '+' or '-' && t[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }
}
