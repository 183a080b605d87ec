using BusinessOps.Automation.Schedules;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Automation.Tests.Schedules;

/// <summary>
/// Reconcile passes every <c>step</c> on a fake clock, feeding each evaluation's cursors and opened issues back into
/// the next pass, the way the coordinator will. Issues stay open unless <c>closeAfterPass</c>.
/// </summary>
internal sealed class PassSimulator(IReadOnlyList<ScheduleDefinition> schedules, DateTimeOffset start, bool closeOpened = true)
{
    private readonly Dictionary<string, DateTimeOffset> cursors = new(StringComparer.Ordinal);
    private int nextIssue = 100;

    public FakeTimeProvider Clock { get; } = new(start);

    public List<DueSlot> Opened { get; } = [];

    public List<ExistingSlot> Existing { get; } = [];

    public void RunUntil(DateTimeOffset end, TimeSpan step)
    {
        while (Clock.GetUtcNow() <= end)
        {
            Pass();
            Clock.Advance(step);
        }
    }

    public ScheduleEvaluation Pass()
    {
        var evaluation = ScheduleEvaluator.Evaluate(schedules, Clock.GetUtcNow(), new ScheduleHistory(cursors, Existing));
        foreach (var (id, cursor) in evaluation.Cursors)
        {
            cursors[id] = cursor;
        }

        foreach (var slot in evaluation.Open)
        {
            Opened.Add(slot);
            Existing.Add(new ExistingSlot(slot.Key, nextIssue++, IsOpen: !closeOpened));
        }

        return evaluation;
    }
}
