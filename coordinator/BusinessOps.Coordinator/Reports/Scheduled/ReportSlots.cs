using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Schedules;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Reports.Scheduled;

/// <summary>Finds, among the slot issues a pass already read or just opened, those whose schedule asks for a report.</summary>
internal static class ReportSlots
{
    public static IReadOnlyList<ReportSlot> From(IReadOnlyList<ScheduleDefinition> schedules, AutomationIndex index, IEnumerable<IssueSnapshot> created, IReadOnlySet<int> closed)
    {
        var reporting = schedules.Where(s => s.Report is not null).ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (reporting.Count == 0)
        {
            return [];
        }

        var keys = index.Slots.Select(s => s.Key).ToList();
        foreach (var issue in created)
        {
            if (AutomationMarker.TryParse(issue.Body, out var key) && key.Kind == AutomationKinds.Slot && SlotKey.TryParse(key.Value, out var slot))
            {
                keys.Add(slot);
            }
        }

        var found = new List<ReportSlot>();
        foreach (var key in keys.DistinctBy(k => k.Value, StringComparer.Ordinal))
        {
            if (reporting.TryGetValue(key.ScheduleId, out var schedule)
                && index.Find(key.ToAutomationKey()) is { State: IssueState.Open } issue
                && !closed.Contains(issue.Number))
            {
                found.Add(new ReportSlot(key, schedule.Client, schedule.Report!.Value, issue));
            }
        }

        return found;
    }
}
