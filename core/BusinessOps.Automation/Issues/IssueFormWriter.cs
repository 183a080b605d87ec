using System.Text;

namespace BusinessOps.Automation.Issues;

/// <summary>
/// Writes issue bodies the way GitHub issue forms do — <c>### Field</c>, a blank line, the value — so the
/// agents' form parser reads automatically opened issues exactly like filed ones. Values may come from feeds
/// or agents' outputs (untrusted): a value can never start a heading or a code fence that would swallow the
/// next field, never hide a marker, and never mention anyone.
/// </summary>
public static class IssueFormWriter
{
    /// <summary>Longest value kept; the agents' parser cuts at 256 KB, feeds and templates need far less.</summary>
    public const int MaxValueChars = 16_384;

    private const string NoResponse = "_No response_";

    /// <summary>The marker first (so no value can precede it), then each field.</summary>
    public static string Write(IReadOnlyList<FormField> fields, AutomationKey key)
    {
        var sb = new StringBuilder();
        sb.Append(AutomationMarker.Format(key)).Append("\n\n");
        foreach (var field in fields)
        {
            sb.Append("### ").Append(OneLine(field.Name)).Append("\n\n");
            var value = field.Value.Trim();
            if (field.IsJson)
            {
                // Inside a fence nothing renders; the escapes (valid in JSON strings) keep a value from closing the
                // fence or the marker, mentioning anyone or carrying an Actions expression.
                sb.Append("```json\n")
                    .Append(value.Replace("`", "\\u0060", StringComparison.Ordinal).Replace("@", "\\u0040", StringComparison.Ordinal)
                        .Replace("$", "\\u0024", StringComparison.Ordinal).Replace("<", "\\u003C", StringComparison.Ordinal).Replace(">", "\\u003E", StringComparison.Ordinal))
                    .Append("\n```");
            }
            else if (value.Length == 0)
            {
                sb.Append(NoResponse);
            }
            else
            {
                AppendBlock(sb, value.Length > MaxValueChars ? value[..MaxValueChars] + "…" : value);
            }

            sb.Append("\n\n");
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static void AppendBlock(StringBuilder sb, string value)
    {
        var lines = value.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            var line = lines[i];
            var trimmed = line.TrimStart(' ');
            if (line.Length - trimmed.Length <= 3 && (trimmed.StartsWith('#') || trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                sb.Append('\\');
            }

            foreach (var ch in line)
            {
                switch (ch)
                {
                    case '@':
                        sb.Append("@\u200D");
                        break;
                    case '<':
                        sb.Append("&lt;");
                        break;
                    case '>':
                        sb.Append("&gt;");
                        break;
                    default:
                        if (!char.IsControl(ch) || ch == '\t')
                        {
                            sb.Append(ch);
                        }

                        break;
                }
            }
        }
    }
}
