using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Core;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Time;
using BusinessOps.Policies;
using BusinessOps.Policies.Agents;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Commands;

/// <summary>
/// <c>coordinator policies validate</c>: every error at once, with file:line:column — the automation files and
/// <c>connectors.yml</c> included; the endpoints the agents send to that are left unset are noted with what to add.
/// </summary>
internal static class PoliciesCommand
{
    public static Command Create(GlobalOptions g)
    {
        var validate = new Command("validate", "Check every policy file (schedules, triggers, tenants and workflows too); print all errors with file:line:column and exit 2 if any");
        validate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dir = PolicyPaths.Resolve(parse.GetValue(g.Policies));
            var result = PolicyLoader.LoadFromOption(parse.GetValue(g.Policies));
            var automation = AutomationPolicyLoader.Load(dir);
            foreach (var note in result.Notes.Concat(automation.Notes))
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

            // The report and dashboard templates never stop the coordinator (a broken one falls back to its built-in copy); said here.
            foreach (var name in ReportTemplateNames.All.Select(n => Path.Combine(dir, ReportTemplateNames.Folder, n)).Where(File.Exists))
            {
                foreach (var problem in TemplateCheck.Errors(name, File.ReadAllText(name)))
                {
                    error.WriteLine($"warning: {problem}; the built-in template is used until it is fixed");
                }
            }

            // connectors.yml is loaded on its own (as the coordinator loads it): its errors count here too.
            var connectors = PolicyLoader.LoadConnectors(dir, allowMissingDirectory: !PolicyPaths.IsGiven(parse.GetValue(g.Policies)));
            foreach (var note in connectors.Notes)
            {
                error.WriteLine("note: " + note);
            }

            var errors = result.Errors.Concat(automation.Errors).Concat(automation.ContractErrors).Concat(alerts.Errors).Concat(connectors.Errors).ToList();
            if (errors.Count > 0 || result.Policies is null || !automation.IsValid || !alerts.IsValid || !connectors.IsValid)
            {
                foreach (var e in errors)
                {
                    error.WriteLine(e.ToString());
                }

                error.WriteLine($"{errors.Count} error(s) in {dir}. The coordinator will not act until they are fixed.");
                return ExitCodes.BadInput;
            }

            var p = result.Policies;
            var a = automation.Policies;

            // The endpoints the agents send to that are left unset: their plans say they cannot run here; this says what to add.
            foreach (var missing in ConnectorTargets.MissingLines(connectors.Policy))
            {
                error.WriteLine("note: " + missing);
            }

            output.WriteLine($"{dir}: valid — {p.Routing.Rules.Count} routing rules, SLA {string.Join(" / ", p.Sla.Targets.OrderBy(t => t.Key).Select(t => $"{t.Key} {Durations.Format(t.Value.Target)}"))}, mode {p.Autonomy.Mode}; "
                + $"{a.Schedules.Count} schedules, {a.Thresholds.Count} triggers, {a.Feeds.Count} feeds, {a.Workflows.Count} workflows, {a.Clients.All.Count} clients.");
            return ExitCodes.Ok;
        });
        return new Command("policies", "Work with the policy files (routing, SLA, dispatch, autonomy, approvals, schedules, triggers, tenants, workflows)") { validate };
    }
}
