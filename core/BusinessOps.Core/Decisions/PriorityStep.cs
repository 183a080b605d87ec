using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Step 1, the priority: the most urgent <c>priority/*</c> label wins (the others are removed, with a note); without one,
/// the issue form's Priority answer, else the policy default — and that label is added. The SLA clock starts when the
/// issue gets its priority (at filing for a priority present from the start).
/// </summary>
internal static class PriorityStep
{
    public static Decision Apply(Decision d, DecisionInput input)
    {
        var labels = input.Labels.Priorities;
        Priority priority;
        if (labels.Count == 0)
        {
            priority = PriorityAnswer.Read(input.Issue.Body) ?? input.Policies.Sla.DefaultPriority;
            d = d.AddLabel(LabelNames.For(priority));
        }
        else
        {
            priority = labels[0].Priority;
            foreach (var (_, p) in labels)
            {
                priority = p < priority ? p : priority;
            }

            if (labels.Count > 1)
            {
                var keep = LabelNames.For(priority);
                foreach (var (label, _) in labels)
                {
                    d = label == keep ? d : d.RemoveLabel(label);
                }

                if (!labels.Any(p => p.Label == keep))
                {
                    d = d.AddLabel(keep);
                }

                d = d.Note(input, NoteKey.For("priority-conflict", string.Join('+', labels.Select(p => p.Label))), RoutingComments.PriorityConflict(labels.Select(p => p.Label), keep));
            }
        }

        return Set(d, priority, d.State.Priority is null ? input.Issue.CreatedAt : input.Now);
    }

    /// <summary>The issue's priority from now on; the SLA clock restarts at <paramref name="at"/> when it changes.</summary>
    public static Decision Set(Decision d, Priority priority, DateTimeOffset at) =>
        d.State.Priority != priority ? d with { Priority = priority, State = d.State with { Priority = priority, PriorityAt = at } }
        : d.Priority != priority ? d with { Priority = priority }
        : d;
}
