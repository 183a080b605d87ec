using System.Text.RegularExpressions;

namespace BusinessOps.Infra.Tests.Forms;

/// <summary>
/// Reads the agent table of docs/AGENTS.md. A field is a backtick-quoted name outside parentheses, followed by
/// <c>*</c> when required: in <c>`Environment`* (`development`, …)</c> the values in parentheses are not fields,
/// while in <c>`Timeout (ms)`</c> the parentheses belong to the name.
/// </summary>
public static partial class AgentsTable
{
    public static IReadOnlyList<AgentSpec> Load() => Parse(Support.RepositoryFiles.Read("docs/AGENTS.md"));

    public static IReadOnlyList<AgentSpec> Parse(string markdown)
    {
        var specs = new List<AgentSpec>();
        foreach (var line in markdown.Split('\n'))
        {
            var cells = Cells(line);
            if (cells.Count < 3 || !cells[0].StartsWith("ai-", StringComparison.Ordinal))
            {
                continue;
            }

            specs.Add(new AgentSpec(cells[0], [.. Quoted(cells[1]).Select(q => q.Text)], ParseFields(cells[2]), ParseValues(cells[2])));
        }

        return specs;
    }

    /// <summary>The fields of one "fields" cell, in order.</summary>
    public static IReadOnlyList<AgentField> ParseFields(string cell) =>
        [.. Quoted(cell).Where(q => q.Depth == 0).Select(q => new AgentField(q.Text, q.Starred))];

    /// <summary>
    /// Quoted values in the parentheses right after a field, by field label. Only the first group counts and
    /// only when every token in it is a plain word: <c>(lines `name: weight`)</c> describes a format, not values.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ParseValues(string cell)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? field = null;
        var current = new List<string>();
        foreach (var (text, depth, _) in Quoted(cell))
        {
            if (depth == 0)
            {
                Flush();
                field = text;
                current = [];
            }
            else
            {
                current.Add(text);
            }
        }

        Flush();
        return values;

        void Flush()
        {
            if (field is not null && current.Count > 1 && current.All(v => PlainValue().IsMatch(v)))
            {
                values[field] = current;
            }
        }
    }

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('|'))
        {
            return [];
        }

        // Split on unescaped pipes; "\|" inside a cell is a literal pipe.
        return [.. UnescapedPipe().Split(trimmed.Trim('|')).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim())];
    }

    private static List<(string Text, int Depth, bool Starred)> Quoted(string cell)
    {
        var found = new List<(string, int, bool)>();
        var depth = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            switch (cell[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '`':
                    var end = cell.IndexOf('`', i + 1);
                    if (end < 0)
                    {
                        return found;
                    }

                    var text = cell[(i + 1)..end];
                    var starred = end + 1 < cell.Length && cell[end + 1] == '*';
                    found.Add((text, depth, starred));
                    i = end;
                    break;
            }
        }

        return found;
    }

    [GeneratedRegex(@"^[a-z][a-z-]*$")]
    private static partial Regex PlainValue();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
