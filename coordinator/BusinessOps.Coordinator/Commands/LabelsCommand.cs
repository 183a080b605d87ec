using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Install;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands;

/// <summary>
/// <c>coordinator labels sync</c>: create or update every label the policies use and every label an issue form applies
/// (GitHub drops a form's labels that do not exist); a second run writes nothing.
/// </summary>
internal static class LabelsCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; write nothing" };
        var forms = new Option<string>("--forms")
        {
            Description = "Folder of the issue forms whose labels must exist (a missing folder is skipped)",
            DefaultValueFactory = _ => FormLabels.DefaultDirectory,
        };
        var sync = new Command("sync", "Create or update the routing, priority, status, SLA and autonomy labels and every label the issue forms apply") { dryRun, forms };
        sync.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local"), async session =>
        {
            var problems = new List<string>();
            var formLabels = FormLabels.Read(parse.GetValue(forms)!, problems);
            foreach (var problem in problems)
            {
                await session.Error.WriteLineAsync("warn  " + problem);
            }

            foreach (var unrouted in LabelCatalogue.Unrouted(session.Policies, formLabels))
            {
                await session.Error.WriteLineAsync($"warn  {unrouted.File}: label '{unrouted.Label}' matches no rule in routing.yml; issues from the {unrouted.Form} form will need triage");
            }

            var catalogue = LabelCatalogue.For(session.Policies, formLabels);
            var (created, updated, unchanged) = await LabelSync.RunAsync(session.Store, catalogue, parse.GetValue(dryRun), session.Output, ct);
            session.Output.WriteLine($"labels: {created} created, {updated} updated, {unchanged} unchanged{(parse.GetValue(dryRun) ? " (dry run)" : string.Empty)}");
            return ExitCodes.Ok;
        }));
        return new Command("labels", "Manage the repository labels BusinessOps uses") { sync };
    }
}
