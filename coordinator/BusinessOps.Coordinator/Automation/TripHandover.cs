using System.Globalization;
using System.Text;
using BusinessOps.Automation.Triggers;
using BusinessOps.Coordinator.Logging;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// How an event job hands its threshold trips (<see cref="EventThresholds"/>) to the serialized pass. In GitHub Actions
/// (<c>GITHUB_OUTPUT</c> set) it sets the step output <c>trips=true</c>: the events workflow then runs a reconcile pass in
/// the <c>businessops-reconcile</c> concurrency group, the one group every follow-up is opened in. That pass shows every
/// result since the ledger's mark to the rules, so a pass GitHub cancels while pending (a newer one took its place) loses
/// nothing: the newer pass, or the next scheduled one, opens the trip. Elsewhere the next full pass does.
/// </summary>
internal static class TripHandover
{
    /// <summary>The step output the events workflow reads (<c>needs.&lt;job&gt;.outputs.trips</c>).</summary>
    public const string Output = "trips";

    /// <summary>The variable GitHub Actions names the step's output file in.</summary>
    public const string OutputFileVariable = "GITHUB_OUTPUT";

    /// <returns>True when the trips were handed to a serialized pass now (the output was written).</returns>
    public static async Task<bool> HandOverAsync(IReadOnlyList<TriggerCandidate> trips, IReadOnlyDictionary<string, string?> environment, Log log, CancellationToken cancellationToken)
    {
        if (trips.Count == 0)
        {
            return false;
        }

        foreach (var trip in trips)
        {
            var what = trip.NeedsPrevious ? "may trip (it compares with the previous result)" : "trips";
            log.Info(string.Create(CultureInfo.InvariantCulture, $"threshold {trip.Rule.Id} {what} on #{trip.Issue} ({trip.Rule.When.Field} = {trip.Value:0.####}): handed to the serialized pass"));
        }

        if (environment.GetValueOrDefault(OutputFileVariable) is not { Length: > 0 } file)
        {
            log.Info("no GITHUB_OUTPUT: the next full pass (run --once, run --monitor) opens the follow-ups");
            return false;
        }

        try
        {
            await File.AppendAllTextAsync(file, Output + "=true\n", new UTF8Encoding(false), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing is lost: the scheduled pass shows the same results to the rules.
            log.Warn($"could not set the step output {Output} ({ex.Message}); the next scheduled pass opens the follow-ups");
            return false;
        }
    }
}
