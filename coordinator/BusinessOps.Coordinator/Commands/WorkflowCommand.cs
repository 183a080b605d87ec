using System.CommandLine;
using System.Globalization;
using BusinessOps.Automation.Clients;
using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands;

/// <summary>
/// <c>coordinator workflow start NAME [--client ID] [--input key=value]… [--key KEY]</c>: open a workflow's parent issue and
/// its first steps, and print the parent's number. <c>coordinator workflow list</c>: the workflows and their steps.
/// </summary>
internal static class WorkflowCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var name = new Argument<string>("name") { Description = "The workflow (a file name of policies/workflows/, without .yml)" };
        var client = new Option<string?>("--client") { Description = "The client the run belongs to (an id of policies/tenants.yml): its steps get the client/<id> label and see only its data" };
        var input = new Option<string[]>("--input") { Description = "A start input, key=value (repeatable); JSON values are read as such unless the schema says string", AllowMultipleArgumentsPerToken = false };
        var key = new Option<string?>("--key") { Description = "What makes this start unique (default: the current minute): the same key again prints the same parent and opens nothing" };
        var start = new Command("start", "Open a workflow's parent issue and its first steps; prints the parent's issue number") { name, client, input, key };
        start.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local", storeMustExist: false), async session =>
        {
            var automation = session.Automation;
            var wanted = parse.GetValue(name)!;
            if (!automation.Workflows.TryGetValue(wanted, out var workflow))
            {
                var known = automation.Workflows.Count == 0 ? "there are none in policies/workflows/" : "known: " + string.Join(", ", automation.Workflows.Keys.Order(StringComparer.Ordinal));
                await session.Error.WriteLineAsync($"error: no workflow '{wanted}' ({known}).");
                return ExitCodes.BadInput;
            }

            string? clientId = null;
            if (parse.GetValue(client) is { } c)
            {
                var lookup = automation.Clients.Find(c);
                if (lookup.Kind != ClientLookupKind.Found)
                {
                    await session.Error.WriteLineAsync("error: " + lookup.Message);
                    return ExitCodes.BadInput;
                }

                clientId = lookup.Profile!.Id;
            }

            var inputs = WorkflowStarter.ParseInputs(workflow, parse.GetValue(input) ?? [], out var problems);
            var startKey = parse.GetValue(key) ?? "cli-" + session.Clock.GetUtcNow().ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
            var started = WorkflowStarter.Start(workflow, inputs, clientId, startKey);
            if (problems.Count > 0 || !started.IsValid)
            {
                foreach (var p in problems.Concat(started.Problems))
                {
                    await session.Error.WriteLineAsync("error: " + p);
                }

                return ExitCodes.BadInput;
            }

            var parent = await AutomationSteps.For(session, dryRun: false).StartWorkflowAsync(session.Store, started.Parent!, ct);
            await session.Output.WriteLineAsync(parent.Number.ToString(CultureInfo.InvariantCulture));
            session.Log.Info(string.Create(CultureInfo.InvariantCulture, $"workflow {workflow.Name} started: #{parent.Number} {parent.Title}"));
            return ExitCodes.Ok;
        }));

        var list = new Command("list", "List the workflows of policies/workflows/ with their steps");
        list.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (PolicyGate.LoadAll(parse.GetValue(g.Policies), parse.InvocationConfiguration.Error) is not { } loaded)
            {
                return ExitCodes.BadInput;
            }

            foreach (var w in loaded.Automation.Workflows.Values.OrderBy(w => w.Name, StringComparer.Ordinal))
            {
                output.WriteLine($"{w.Name}: {w.Title} — " + string.Join(" → ", w.Steps.Select(s => s.Needs.Count == 0 ? s.Id : $"{s.Id} (after {string.Join(", ", s.Needs)})")));
            }

            return ExitCodes.Ok;
        });
        return new Command("workflow", "Start and list multi-step workflows (policies/workflows/*.yml)") { start, list };
    }
}
