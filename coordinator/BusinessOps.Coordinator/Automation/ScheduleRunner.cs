using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Automation.Ledger;
using BusinessOps.Automation.Schedules;
using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The schedule part of a pass (and all of <c>coordinator schedule</c>): evaluate every schedule as of an instant with
/// the ledger's cursors and the open slot issues, open the due slots (or start their workflows), close superseded and
/// duplicate slot issues, and return the ledger with the new cursors.
/// </summary>
internal static class ScheduleRunner
{
    public static async Task<AutomationLedger> RunAsync(AutomationPolicies policies, AutomationIndex index, AutomationLedger ledger, DateTimeOffset asOf, AutomationWriter writer, Log log, CancellationToken cancellationToken)
    {
        if (policies.Schedules.Count == 0)
        {
            return ledger;
        }

        var evaluation = ScheduleEvaluator.Evaluate(policies.Schedules, asOf, new ScheduleHistory(ledger.ScheduleCursors, index.Slots));

        // Duplicates first: two overlapping runs both opened a slot; the lowest number stays.
        foreach (var extra in evaluation.Duplicates)
        {
            await writer.CloseAsync(extra.Issue, $"Closed as a duplicate: another run opened the same slot (`{extra.Key.Value}`) first.", cancellationToken);
        }

        foreach (var slot in evaluation.Open)
        {
            var why = "schedule " + slot.Schedule.Id + ", slot " + slot.Local.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
            if (slot.Schedule.Workflow is { } name)
            {
                await StartWorkflowAsync(policies, name, slot, writer, why, log, cancellationToken);
            }
            else
            {
                await writer.OpenAsync(slot.Issue, why, routed: true, cancellationToken);
            }
        }

        foreach (var old in evaluation.Supersede)
        {
            await writer.CloseAsync(old.Older.Issue, $"Superseded by the newer slot `{old.By.Value}` of this schedule (its overlap policy is `supersede`).", cancellationToken);
        }

        foreach (var skipped in evaluation.Skipped)
        {
            log.Info("automation: skipped slot " + skipped.Key.Value + ": " + skipped.Reason);
        }

        if (writer.IsDryRun)
        {
            return ledger;
        }

        var cursors = new Dictionary<string, DateTimeOffset>(evaluation.Cursors, StringComparer.Ordinal);

        // Cursors of schedules that no longer exist are dropped, so the ledger does not grow with renamed schedules.
        var live = policies.Schedules.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in cursors.Keys.Where(k => !live.Contains(k)).ToList())
        {
            cursors.Remove(gone);
        }

        return ledger with { ScheduleCursors = cursors };
    }

    private static async Task StartWorkflowAsync(AutomationPolicies policies, string name, DueSlot slot, AutomationWriter writer, string why, Log log, CancellationToken cancellationToken)
    {
        if (!policies.Workflows.TryGetValue(name, out var workflow))
        {
            // Loading rejects a schedule naming an unknown workflow; this only guards a policy changed under a running pass.
            log.Error($"automation: schedule {slot.Schedule.Id} names workflow '{name}', which does not exist; slot {slot.Key.Value} not started");
            return;
        }

        var inputs = slot.Schedule.WorkflowInputs?.DeepClone() as JsonObject ?? [];
        var start = WorkflowStarter.Start(workflow, inputs, slot.Schedule.Client, slot.Key.Value);
        if (!start.IsValid)
        {
            log.Error($"automation: schedule {slot.Schedule.Id} cannot start workflow {name}: {string.Join("; ", start.Problems)}");
            return;
        }

        // The parent takes the slot's title ("Content pipeline 2026-11-30"), so one day's run is told from the next.
        await writer.OpenAsync(start.Parent! with { Title = slot.Issue.Title }, why + ", workflow " + name, routed: false, cancellationToken);
    }
}
