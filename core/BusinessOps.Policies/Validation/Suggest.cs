namespace BusinessOps.Policies.Validation;

/// <summary>"Did you mean" for misspelt keys, agents and names: the closest candidate by edit distance.</summary>
internal static class Suggest
{
    /// <summary>The closest candidate within a small edit distance (case-insensitive), or null.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        if (input.Length is 0 or > 100)
        {
            return null;
        }

        var limit = Math.Max(2, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d <= limit && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>" (did you mean 'x'?)" or empty, ready to splice into a message.</summary>
    public static string Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } c ? $" (did you mean '{c}'?)" : string.Empty;

    // Levenshtein with two rows; inputs are short (keys and names), so allocation does not matter.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
