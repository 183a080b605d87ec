using System.Globalization;

namespace BusinessOps.Agents.Architecture;

/// <summary>
/// The ADR draft's data (context, options, decision matrix, decision, consequences, component diagram, risks) for
/// <see cref="ArchitectTemplate"/>. Cells are one line with pipes escaped here, so a row cannot break whatever the template.
/// </summary>
internal static class AdrWriter
{
    public static Dictionary<string, object?> Model(DecisionInput input, IReadOnlyList<double> weights, IReadOnlyList<RankedOption> ranking, bool close, ComponentDiagram.Graph diagram, IReadOnlyList<Risk> risks)
    {
        var winner = ranking[0];
        var byScore = input.Criteria.Select((c, i) => (c.Name, Score: input.Scores[winner.Option][i])).ToList();
        var strongest = byScore.OrderByDescending(x => x.Score).First();
        var weakest = byScore.OrderBy(x => x.Score).First();
        return new Dictionary<string, object?>
        {
            ["decision"] = Line(input.Decision),
            ["context"] = input.Decision.Trim(),
            ["options"] = input.Options.Select(Line).ToList(),
            ["criteria"] = input.Criteria.Zip(weights).Select(x => new Dictionary<string, object?> { ["name"] = Cell(x.First.Name), ["weight"] = x.Second.ToString("0.##", CultureInfo.InvariantCulture) }).ToList(),
            ["rows"] = ranking.Select(r => new Dictionary<string, object?> { ["option"] = Cell(r.Option), ["scores"] = input.Scores[r.Option], ["score"] = Score(r.Score) }).ToList(),
            ["close"] = close,
            ["winner"] = Option(winner),
            ["runner_up"] = Option(ranking[1]),
            ["strongest"] = new Dictionary<string, object?> { ["name"] = Line(strongest.Name), ["score"] = strongest.Score },
            ["weakest"] = new Dictionary<string, object?> { ["name"] = Line(weakest.Name), ["score"] = weakest.Score },
            ["diagram"] = new Dictionary<string, object?>
            {
                ["nodes"] = diagram.Nodes,
                ["edges"] = diagram.Edges.Select(e => new Dictionary<string, object?> { ["from"] = e.From, ["label"] = e.Label, ["to"] = e.To }).ToList(),
            },
            ["risks"] = risks.Select(r => new Dictionary<string, object?> { ["risk"] = Cell(r.Description), ["mitigation"] = Cell(r.Mitigation) }).ToList(),
        };
    }

    private static Dictionary<string, object?> Option(RankedOption r) => new() { ["option"] = Line(r.Option), ["score"] = Score(r.Score) };

    private static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Line(string s) => s.Replace('\n', ' ').Trim();

    private static string Cell(string s) => Line(s).Replace("|", "\\|", StringComparison.Ordinal);
}
