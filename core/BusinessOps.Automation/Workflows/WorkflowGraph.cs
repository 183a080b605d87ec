namespace BusinessOps.Automation.Workflows;

/// <summary>The DAG of a workflow's steps: topological order, cycles, ancestors.</summary>
public static class WorkflowGraph
{
    /// <summary>
    /// Steps in an order where every step comes after the steps it needs (document order among equals), and the
    /// steps left over because they sit on or behind a cycle. Unknown needs are ignored here (validation reports them).
    /// </summary>
    public static (IReadOnlyList<WorkflowStep> Order, IReadOnlyList<WorkflowStep> Cyclic) Sort(IReadOnlyList<WorkflowStep> steps)
    {
        var ids = new HashSet<string>(steps.Select(s => s.Id), StringComparer.Ordinal);
        var order = new List<WorkflowStep>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        bool progress;
        do
        {
            progress = false;
            foreach (var step in steps)
            {
                if (!placed.Contains(step.Id) && step.Needs.Where(ids.Contains).All(placed.Contains))
                {
                    order.Add(step);
                    placed.Add(step.Id);
                    progress = true;
                }
            }
        }
        while (progress);

        return (order, [.. steps.Where(s => !placed.Contains(s.Id))]);
    }

    /// <summary>One cycle among <paramref name="steps"/> as a path <c>a → b → … → a</c> (first step in document order), or null.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyList<WorkflowStep> steps)
    {
        var byId = new Dictionary<string, WorkflowStep>(StringComparer.Ordinal);
        foreach (var s in steps)
        {
            byId.TryAdd(s.Id, s);
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        foreach (var start in steps)
        {
            var path = new List<string>();
            if (Visit(start.Id, byId, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>Every step <paramref name="id"/> needs, directly or through other steps.</summary>
    public static IReadOnlySet<string> Ancestors(IReadOnlyList<WorkflowStep> steps, string id)
    {
        var byId = steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(byId.TryGetValue(id, out var s) ? s.Needs : []);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (seen.Add(next) && byId.TryGetValue(next, out var step))
            {
                foreach (var n in step.Needs)
                {
                    stack.Push(n);
                }
            }
        }

        return seen;
    }

    // Iterative enough for policy sizes (steps are bounded by the loader), recursion depth ≤ step count.
    private static List<string>? Visit(string id, Dictionary<string, WorkflowStep> byId, Dictionary<string, int> state, List<string> path)
    {
        if (state.TryGetValue(id, out var s))
        {
            if (s == 1)
            {
                var from = path.IndexOf(id);
                return [.. path.Skip(from), id];
            }

            return null;
        }

        if (!byId.TryGetValue(id, out var step))
        {
            return null;
        }

        state[id] = 1;
        path.Add(id);
        foreach (var need in step.Needs)
        {
            if (Visit(need, byId, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[id] = 2;
        return null;
    }
}
