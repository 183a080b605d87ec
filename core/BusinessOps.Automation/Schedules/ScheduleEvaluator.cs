using BusinessOps.Core.Time;

namespace BusinessOps.Automation.Schedules;

/// <summary>
/// The pure heart of <c>coordinator schedule</c> and of the schedule step of every reconcile pass: given the
/// schedules, the instant to evaluate as of and what earlier passes left, which slots open now. No clock, no I/O:
/// the same input always gives the same slots with the same keys, so two overlapping passes agree on what to open
/// (and <see cref="ScheduleEvaluation.Duplicates"/> names the extra issue should both have opened it).
/// </summary>
public static class ScheduleEvaluator
{
    /// <summary>How far back any evaluation looks: a year and a month, so a yearly schedule's latest slot is found.</summary>
    public static TimeSpan MaxLookback { get; } = TimeSpan.FromDays(400);

    public static ScheduleEvaluation Evaluate(IReadOnlyList<ScheduleDefinition> schedules, DateTimeOffset asOf, ScheduleHistory history)
    {
        var duplicates = Duplicates(history.Existing);
        var known = new HashSet<string>(history.Existing.Select(e => e.Key.Value), StringComparer.Ordinal);
        var bySchedule = history.Existing.Where(e => !duplicates.Contains(e)).ToLookup(e => e.Key.ScheduleId, StringComparer.Ordinal);
        var cursors = new Dictionary<string, DateTimeOffset>(history.Cursors, StringComparer.Ordinal);
        var open = new List<DueSlot>();
        var supersede = new List<SupersededSlot>();
        var skipped = new List<SkippedSlot>();

        foreach (var schedule in schedules)
        {
            var existing = bySchedule[schedule.Id].ToList();
            var since = Since(schedule, asOf, cursors.TryGetValue(schedule.Id, out var c) ? c : null, existing);
            if (schedule.Timing.Latest(since, asOf) is not { } latest)
            {
                // Nothing due yet, but this schedule has now been looked at up to asOf: its next slot, if the
                // coordinator is down when it comes, is a missed slot under the catch-up policy, not a new schedule's.
                cursors.TryAdd(schedule.Id, asOf);
                continue;
            }

            cursors[schedule.Id] = latest;
            var due = Candidates(schedule, since, latest, asOf, skipped).Where(s => !known.Contains(s.Value)).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var openOlder = existing.Where(e => e.IsOpen && e.Key.Utc < due[0].Utc).OrderBy(e => e.Key.Utc).ToList();
            if (schedule.Overlap == OverlapPolicy.Skip && openOlder.Count > 0)
            {
                var blocking = openOlder[^1];
                skipped.AddRange(due.Select(s => new SkippedSlot(s, $"#{blocking.Issue} ({blocking.Key.Value}) is still open and the schedule's overlap policy is skip", blocking.Issue)));
                continue;
            }

            if (schedule.Overlap == OverlapPolicy.Supersede)
            {
                supersede.AddRange(openOlder.Select(o => new SupersededSlot(o, due[^1])));
            }

            foreach (var slot in due)
            {
                var local = TimeZoneInfo.ConvertTime(slot.Utc, schedule.Timing.Zone);
                var issue = schedule.Template.Render(SlotValues.For(local, schedule.Id, schedule.Client), schedule.Client, slot.ToAutomationKey());
                open.Add(new DueSlot(slot, local, issue, schedule));
            }
        }

        return new ScheduleEvaluation(open, supersede, [.. duplicates.Where(d => d.IsOpen)], skipped, cursors);
    }

    // After the newest slot already handled (cursor or an issue we can see); a schedule with neither starts
    // within its grace period, so adding a monthly schedule on the 15th does not open the 1st's slot.
    private static DateTimeOffset Since(ScheduleDefinition schedule, DateTimeOffset asOf, DateTimeOffset? cursor, List<ExistingSlot> existing)
    {
        DateTimeOffset? since = cursor;
        foreach (var e in existing)
        {
            if (since is null || e.Key.Utc > since)
            {
                since = e.Key.Utc;
            }
        }

        var floor = asOf - MaxLookback;
        var start = since ?? asOf - schedule.Grace;
        return start < floor ? floor : start;
    }

    private static IEnumerable<SlotKey> Candidates(ScheduleDefinition schedule, DateTimeOffset since, DateTimeOffset latest, DateTimeOffset asOf, List<SkippedSlot> skipped)
    {
        switch (schedule.CatchUp.Mode)
        {
            case CatchUpMode.None when asOf - latest > schedule.Grace:
                skipped.Add(new SkippedSlot(new SlotKey(schedule.Id, latest), $"missed by {Durations.Words(asOf - latest)}; catch-up none opens a slot only within {Durations.Words(schedule.Grace)} of its time", null));
                return [];
            case CatchUpMode.All:
                var windowStart = asOf - schedule.CatchUp.Window;
                var from = windowStart > since ? windowStart : since;
                var all = schedule.Timing.Slots(from, asOf).ToList();
                return all.Skip(Math.Max(0, all.Count - CatchUpPolicy.MaxSlotsPerPass)).Select(u => new SlotKey(schedule.Id, u));
            default:
                return [new SlotKey(schedule.Id, latest)];
        }
    }

    // Two runs that raced may both have opened a slot: the lowest issue number is the slot, the others are extra.
    private static HashSet<ExistingSlot> Duplicates(IReadOnlyList<ExistingSlot> existing)
    {
        var extra = new HashSet<ExistingSlot>();
        foreach (var group in existing.GroupBy(e => e.Key.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var e in group.OrderBy(e => e.Issue).Skip(1))
            {
                extra.Add(e);
            }
        }

        return extra;
    }
}
