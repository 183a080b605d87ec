namespace BusinessOps.Aws.Executors;

/// <summary>
/// Packs the members of one group (same priority, agent and client) into sets, in order: a set closes at
/// <c>maxIssues</c> members, or when the next member would push its encoded data past <c>maxChars</c>. Pure.
/// </summary>
internal static class BatchSetPacking
{
    /// <summary>The sets, and whether the last one is still open (closed neither by count nor by size: it may wait for more).</summary>
    public static (List<List<BatchSetMember>> Sets, bool LastIsOpen) Pack(IReadOnlyList<BatchSetMember> members, int maxIssues, int maxChars, Func<IReadOnlyList<BatchSetMember>, int> encodedSize)
    {
        var sets = new List<List<BatchSetMember>>();
        var current = new List<BatchSetMember>();
        var lastOpen = true;
        foreach (var member in members)
        {
            if (current.Count > 0 && encodedSize([.. current, member]) > maxChars)
            {
                sets.Add(current);
                current = [];
            }

            current.Add(member);
            if (current.Count >= maxIssues)
            {
                sets.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            sets.Add(current);
        }
        else
        {
            lastOpen = false;
        }

        // A set closed because the next member did not fit is full; only a short last set still waits for companions.
        if (sets.Count > 0 && lastOpen && sets[^1].Count >= maxIssues)
        {
            lastOpen = false;
        }

        return (sets, lastOpen);
    }
}
