using System.Globalization;
using System.Text.RegularExpressions;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.State;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// What the store holds after a run, checked the way a person reading the issues would: more than one status comment on
/// an issue, a note (one-off comment) posted twice, two results for one key — each a duplicate. <see cref="Outcomes"/> is
/// each issue's final state for "the same as an uninterrupted run": its labels (the SLA clock's aside, which depend on how
/// long recovery took), status, the phase it finished in, consecutive failures and cost — not the attempt number, which a
/// crash that lost a run already started raises by design (a lost run is a failed attempt, retried with a new key).
/// </summary>
internal sealed partial record Audit(IReadOnlyList<string> Duplicates, IReadOnlyDictionary<int, string> Outcomes)
{
    public static Audit Of(IReadOnlyList<IssueSnapshot> issues, string identity)
    {
        var duplicates = new List<string>();
        var outcomes = new Dictionary<int, string>();
        foreach (var issue in issues)
        {
            var ours = issue.Comments.Where(c => string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase)).ToList();
            var statuses = ours.Count(c => Markers.Has(c.Body, Markers.StateKind));
            if (statuses > 1)
            {
                duplicates.Add($"#{issue.Number}: {statuses} status comments");
            }

            foreach (var note in ours.Select(c => NoteMarker().Match(c.Body)).Where(m => m.Success).GroupBy(m => m.Groups[1].Value).Where(g => g.Count() > 1))
            {
                duplicates.Add($"#{issue.Number}: note {note.Key} posted {note.Count()} times");
            }

            var results = IssueStateReader.Results(issue, identity);
            foreach (var key in results.GroupBy(r => r.Record.Key).Where(g => g.Count() > 1))
            {
                duplicates.Add($"#{issue.Number}: {key.Count()} results for {key.Key}");
            }

            var state = IssueStateReader.Read(issue, identity).State;
            outcomes[issue.Number] = string.Join(',', issue.Labels.Where(l => !l.StartsWith("sla/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                + string.Create(CultureInfo.InvariantCulture, $" | {state.Status} {state.Phase} settled={state.SettledKey == state.Key} failures={state.Failures} cost={state.CostUsd}");
        }

        return new Audit(duplicates, outcomes);
    }

    [GeneratedRegex("<!-- businessops:note (.+?) -->")]
    private static partial Regex NoteMarker();
}
