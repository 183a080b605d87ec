using System.Globalization;
using System.Text;

namespace BusinessOps.Agents.Architecture;

/// <summary>Writes the ADR draft (Context, Options, Decision matrix, Decision, Consequences, Component diagram, Risks and mitigations).</summary>
internal static class AdrWriter
{
    public static string Write(DecisionInput input, IReadOnlyList<double> weights, IReadOnlyList<RankedOption> ranking, bool close, string diagram, IReadOnlyList<Risk> risks)
    {
        var sb = new StringBuilder();
        var winner = ranking[0];
        sb.Append("## ADR: ").Append(Line(input.Decision)).Append("\n\n**Status:** proposed\n\n");
        sb.Append("### Context\n\n").Append(input.Decision.Trim()).Append("\n\n");
        sb.Append("### Options\n\n");
        foreach (var o in input.Options)
        {
            sb.Append("- ").Append(Line(o)).Append('\n');
        }

        sb.Append("\n### Decision matrix\n\n| Option |");
        foreach (var (c, w) in input.Criteria.Zip(weights))
        {
            sb.Append(CultureInfo.InvariantCulture, $" {Cell(c.Name)} ({w:0.##}) |");
        }

        sb.Append(" Weighted |\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", input.Criteria.Count))).Append("---:|\n");
        foreach (var r in ranking)
        {
            sb.Append("| ").Append(Cell(r.Option)).Append(" |");
            foreach (var s in input.Scores[r.Option])
            {
                sb.Append(CultureInfo.InvariantCulture, $" {s} |");
            }

            sb.Append(CultureInfo.InvariantCulture, $" **{r.Score:0.00}** |\n");
        }

        sb.Append("\n### Decision\n\n");
        sb.Append(close
            ? "Too close to call" + string.Create(CultureInfo.InvariantCulture, $": {Line(winner.Option)} ({winner.Score:0.00}) leads {Line(ranking[1].Option)} ({ranking[1].Score:0.00}) by less than 0.10; a human should decide.\n\n")
            : string.Create(CultureInfo.InvariantCulture, $"Choose **{Line(winner.Option)}** (weighted score {winner.Score:0.00} of 5).\n\n"));
        var strongest = input.Criteria.Select((c, i) => (c.Name, Score: input.Scores[winner.Option][i])).OrderByDescending(x => x.Score).First();
        var weakest = input.Criteria.Select((c, i) => (c.Name, Score: input.Scores[winner.Option][i])).OrderBy(x => x.Score).First();
        sb.Append("### Consequences\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Strongest on {Line(strongest.Name)} ({strongest.Score}/5).\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Weakest on {Line(weakest.Name)} ({weakest.Score}/5): plan mitigations for it.\n");
        sb.Append("- Revisit this decision if the criteria weights change.\n");
        sb.Append("\n### Component diagram\n\n").Append(diagram);
        sb.Append("\n### Risks and mitigations\n\n| Risk | Mitigation |\n|---|---|\n");
        foreach (var r in risks)
        {
            sb.Append("| ").Append(Cell(r.Description)).Append(" | ").Append(Cell(r.Mitigation)).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string Line(string s) => s.Replace('\n', ' ').Trim();

    private static string Cell(string s) => Line(s).Replace("|", "\\|", StringComparison.Ordinal);
}
