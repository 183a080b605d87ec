using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;

namespace BusinessOps.Coordinator.Install;

/// <summary>Creates or updates each catalogue label whose colour or description differs; a second run writes nothing.</summary>
public static class LabelSync
{
    public static async Task<(int Created, int Updated, int Unchanged)> RunAsync(IIssueStore store, IReadOnlyList<LabelDefinition> catalogue, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        var existing = (await store.ListLabelsAsync(cancellationToken)).ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var label in catalogue)
        {
            // Compared as the store keeps it, so a description the store neutralises is not rewritten on every sync.
            var description = store is ScrubbingIssueStore scrubbing ? scrubbing.Scrub(label.Description) : label.Description;
            if (existing.TryGetValue(label.Name, out var have) && string.Equals(have.Color, label.Color, StringComparison.OrdinalIgnoreCase) && have.Description == description)
            {
                unchanged++;
                continue;
            }

            _ = have is null ? created++ : updated++;
            await output.WriteLineAsync($"{(have is null ? "create" : "update")} {label.Name} #{label.Color} {label.Description}");
            if (!dryRun)
            {
                await store.UpsertLabelAsync(label, cancellationToken);
            }
        }

        return (created, updated, unchanged);
    }
}
