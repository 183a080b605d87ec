using System.Globalization;
using System.Text;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Architecture;

/// <summary>
/// The Mermaid component diagram of the ADR: the form's <c>Components</c> lines (<c>from -&gt; to: label</c>) with the
/// chosen option highlighted where it appears, or, without them, the decision and its options with their scores. Labels
/// are quoted with Mermaid's entity codes for quotes and angle brackets, so issue text cannot add markup or break out.
/// </summary>
internal static class ComponentDiagram
{
    public const string Field = "Components";
    public const int MaxLinks = 30;
    private const string Expectation = "one arrow per line as `from -> to` or `from -> to: label` (names up to 60 characters, at most 30 lines)";

    public static IReadOnlyList<ComponentLink> Read(IssueForm form)
    {
        var lines = FormValues.Lines(form.Optional(Field));
        if (lines.Count > MaxLinks)
        {
            throw IssueForm.Invalid(Field, Expectation, lines.Count.ToString(CultureInfo.InvariantCulture) + " lines");
        }

        var links = new List<ComponentLink>();
        foreach (var line in lines)
        {
            var arrow = line.IndexOf("->", StringComparison.Ordinal);
            if (arrow <= 0)
            {
                throw IssueForm.Invalid(Field, Expectation, line);
            }

            var from = line[..arrow].Trim();
            var rest = line[(arrow + 2)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var to = (colon >= 0 ? rest[..colon] : rest).Trim();
            var label = colon >= 0 ? rest[(colon + 1)..].Trim() : null;
            if (from.Length is 0 or > 60 || to.Length is 0 or > 60 || to.Contains("->", StringComparison.Ordinal) || label is { Length: > 60 })
            {
                throw IssueForm.Invalid(Field, Expectation, line);
            }

            links.Add(new ComponentLink(from, to, string.IsNullOrEmpty(label) ? null : label));
        }

        return links;
    }

    /// <summary>
    /// The diagram's standalone nodes and edges (node texts already in Mermaid syntax, labels quoted with entity codes):
    /// the form's links, or the decision and its options with their scores.
    /// </summary>
    public static Graph Build(DecisionInput input, IReadOnlyList<RankedOption> ranking, IReadOnlyList<ComponentLink> links, bool close)
    {
        var chosen = close ? null : ranking[0].Option;
        if (links.Count == 0)
        {
            var options = ranking.Select((r, i) => new Edge("d", null, string.Create(CultureInfo.InvariantCulture, $"o{i + 1}[\"{Label(r.Option)} ({r.Score:0.00})\"]") + (r.Option == chosen ? ":::chosen" : string.Empty)));
            return new Graph(["d([\"" + Label(input.Decision) + "\"])"], [.. options]);
        }

        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string Node(string name)
        {
            if (ids.TryGetValue(name, out var id))
            {
                return id;
            }

            id = "c" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            ids[name] = id;
            var style = chosen is not null && string.Equals(name, chosen, StringComparison.OrdinalIgnoreCase) ? ":::chosen" : string.Empty;
            return $"{id}[\"{Label(name)}\"]{style}";
        }

        return new Graph([], [.. links.Select(l => new Edge(Node(l.From), l.Label is null ? null : Label(l.Label), Node(l.To)))]);
    }

    /// <summary>Text safe inside a quoted Mermaid label: one line, bounded, quotes, brackets, ampersands and backticks as entity codes.</summary>
    internal static string Label(string text)
    {
        var one = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        one = one.Length <= 60 ? one : one[..59] + "…";
        var sb = new StringBuilder(one.Length);
        foreach (var c in one)
        {
            sb.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '#' => "#35;",
                '`' => "#96;",
                '@' => "#64;",
                _ when char.IsControl(c) => string.Empty,
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Nodes drawn on their own line, then the edges.</summary>
    internal sealed record Graph(IReadOnlyList<string> Nodes, IReadOnlyList<Edge> Edges);

    /// <summary>An arrow <c>From --&gt;|"Label"| To</c>.</summary>
    internal sealed record Edge(string From, string? Label, string To);
}
