using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Core;
using BusinessOps.Core.Time;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator policies validate</c>: every error at once, with file:line:column.</summary>
internal static class PoliciesCommand
{
    public static Command Create(GlobalOptions g)
    {
        var validate = new Command("validate", "Check every policy file; print all errors with file:line:column and exit 2 if any");
        validate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dir = PolicyPaths.Resolve(parse.GetValue(g.Policies));
            var result = PolicyLoader.LoadFromOption(parse.GetValue(g.Policies));
            foreach (var note in result.Notes)
            {
                error.WriteLine("note: " + note);
            }

            foreach (var warning in result.Warnings)
            {
                error.WriteLine("warning: " + warning);
            }

            // alerts.yml is loaded on its own (reports, dashboard, alerts); its errors count here, its placeholder on-call is a warning.
            var alerts = PolicyLoader.LoadAlerts(dir, allowMissingDirectory: !PolicyPaths.IsGiven(parse.GetValue(g.Policies)));
            foreach (var warning in alerts.Warnings)
            {
                error.WriteLine("warning: " + warning);
            }

            if (result.Errors.Count > 0 || result.Policies is null || !alerts.IsValid)
            {
                foreach (var e in result.Errors.Concat(alerts.Errors))
                {
                    error.WriteLine(e.ToString());
                }

                error.WriteLine($"{result.Errors.Count + alerts.Errors.Count} error(s) in {dir}. The coordinator will not act until they are fixed.");
                return ExitCodes.BadInput;
            }

            var p = result.Policies;
            output.WriteLine($"{dir}: valid — {p.Routing.Rules.Count} routing rules, SLA {string.Join(" / ", p.Sla.Targets.OrderBy(t => t.Key).Select(t => $"{t.Key} {Durations.Format(t.Value.Target)}"))}, mode {p.Autonomy.Mode}.");
            return ExitCodes.Ok;
        });
        return new Command("policies", "Work with the policy files (routing, SLA, dispatch, autonomy, approvals)") { validate };
    }
}
