using System.Globalization;
using System.Text.RegularExpressions;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.State;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// What the store holds after a run, checked the way a person reading the issues would: more than one status comment on
/// an issue, a note (one-off comment) posted twice, two results for one key — each a duplicate. <see cref="Fingerprint"/>
/// is the final state without timestamps, for "the same as an uninterrupted run".
/// </summary>
internal sealed partial record Audit(IReadOnlyList<string> Duplicates, IReadOnlyDictionary<int, string> Fingerprint)
{
    public static Audit Of(IReadOnlyList<IssueSnapshot> issues, string identity)
    {
        var duplicates = new List<string>();
        var fingerprint = new Dictionary<int, string>();
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
            fingerprint[issue.Number] = string.Join(',', issue.Labels.Order(StringComparer.Ordinal))
                + string.Create(CultureInfo.InvariantCulture, $" | {state.Status} {state.Key} settled={state.SettledKey} failures={state.Failures} cost={state.CostUsd} results={results.Count} comments={ours.Count}");
        }

        return new Audit(duplicates, fingerprint);
    }

    [GeneratedRegex("<!-- businessops:note (.+?) -->")]
    private static partial Regex NoteMarker();
}
