using System.Globalization;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Effects;

/// <summary>
/// Prints a <see cref="PlanView"/>: one line per effect, in plain words, with its outcome. The words are written for
/// comments (Markdown-neutralised); a terminal gets them back as plain text (<see cref="MarkdownSafe.ToPlain"/>), so
/// <c>R&amp;D</c> reads "R&amp;D" — with control characters still removed.
/// </summary>
internal static class PlanPrinter
{
    public static void Print(TextWriter output, IssueSnapshot issue, PlanView view) => Print(new PlainWriter(output), issue, view);

    private static void Print(PlainWriter output, IssueSnapshot issue, PlanView view)
    {
        output.WriteLine($"#{issue.Number} {Text.Bound(issue.Title, 100)} · {Status(view)}");
        if (view.Plan is not { } plan)
        {
            output.WriteLine("No plan yet: the agent has not proposed one (or the last one was voided).");
            return;
        }

        output.WriteLine($"plan {plan.PlanHash ?? "-"} by {plan.Agent} ({plan.Key}){(view.State.Level is { } level ? " · autonomy " + level : string.Empty)}");
        if (view.State.Approvals is { } approvals)
        {
            output.WriteLine("approvals: " + approvals);
        }

        if (view.Effects.Count == 0)
        {
            output.WriteLine("No effects: approving this plan changes nothing outside the issue.");
        }

        for (var i = 1; i <= view.Effects.Count; i++)
        {
            var outcome = view.Outcome(i);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  e{i} [{Outcome(outcome)}] {EffectDescriber.Describe(view.Effects[i - 1])}"));
            if (outcome?.Status != EffectStatus.Done && view.NotReady[i - 1] is { } notReady)
            {
                output.WriteLine("       cannot run here: " + notReady);
            }
        }

        if (view.Problem is { } problem)
        {
            output.WriteLine("will not run: " + problem);
        }
    }

    // Every line a terminal gets, made plain in one place.
    private sealed class PlainWriter(TextWriter output)
    {
        public void WriteLine(string line) => output.WriteLine(MarkdownSafe.ToPlain(line));
    }

    private static string Status(PlanView view) => view.State.Status == IssueStatus.New ? "new" : LabelNames.For(view.State.Status);

    private static string Outcome(EffectRecord? record) => record switch
    {
        null => "pending",
        { Status: EffectStatus.Done } => "done" + (record.Reference is { } r ? ": " + r : string.Empty),
        { Status: EffectStatus.Failed } => "failed: " + record.Error,
        { Status: EffectStatus.Unknown } => "unknown: " + record.Error,
        _ => "started, outcome not recorded",
    };
}
