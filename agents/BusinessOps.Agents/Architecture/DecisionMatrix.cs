namespace BusinessOps.Agents.Architecture;

/// <summary>Pure weighted decision matrix: weights normalized to sum 1, score = Σ wᵢ·sᵢ, ties keep input order.</summary>
internal static class DecisionMatrix
{
    public static IReadOnlyList<double> NormalizedWeights(DecisionInput input)
    {
        var sum = input.Criteria.Sum(c => c.Weight);
        return [.. input.Criteria.Select(c => Math.Round(c.Weight / sum, 4))];
    }

    public static IReadOnlyList<RankedOption> Rank(DecisionInput input)
    {
        var sum = input.Criteria.Sum(c => c.Weight);
        var scored = input.Options
            .Select((o, i) => (Option: o, Index: i, Score: Math.Round(input.Criteria.Select((c, j) => c.Weight / sum * input.Scores[o][j]).Sum(), 3)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .ToList();
        return [.. scored.Select((x, i) => new RankedOption(x.Option, x.Score, i + 1))];
    }
}
