using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator labels sync</c>: create or update every label the policies use; a second run writes nothing.</summary>
internal static class LabelsCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; write nothing" };
        var sync = new Command("sync", "Create or update the routing, priority, status, SLA and autonomy labels (colour and description)") { dryRun };
        sync.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local"), async session =>
        {
            var existing = (await session.Store.ListLabelsAsync(ct)).ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
            int created = 0, updated = 0, unchanged = 0;
            foreach (var label in PolicyLabels.All(session.Policies))
            {
                // Compared as the store keeps it, so a description the store neutralises is not rewritten on every sync.
                var description = session.Store.Scrub(label.Description);
                if (existing.TryGetValue(label.Name, out var have) && string.Equals(have.Color, label.Color, StringComparison.OrdinalIgnoreCase) && have.Description == description)
                {
                    unchanged++;
                    continue;
                }

                _ = have is null ? created++ : updated++;
                session.Output.WriteLine($"{(have is null ? "create" : "update")} {label.Name} #{label.Color} {label.Description}");
                if (!parse.GetValue(dryRun))
                {
                    await session.Store.UpsertLabelAsync(label, ct);
                }
            }

            session.Output.WriteLine($"labels: {created} created, {updated} updated, {unchanged} unchanged{(parse.GetValue(dryRun) ? " (dry run)" : string.Empty)}");
            return ExitCodes.Ok;
        }));
        return new Command("labels", "Manage the repository labels BusinessOps uses") { sync };
    }
}
