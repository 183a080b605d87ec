using System.Text;

namespace BusinessOps.Agents.Sdk.Forms;

/// <summary>
/// Parses GitHub issue-form bodies: a <c>### Field</c> heading, then the value up to the next heading.
/// Headings inside fenced code blocks are part of the value; <c>_No response_</c> is an empty value.
/// </summary>
public static class IssueFormParser
{
    /// <summary>Values longer than this are cut and flagged, so one huge field cannot exhaust memory downstream.</summary>
    public const int MaxValueChars = 262_144;

    /// <summary>More headings than this is not a form; the rest is ignored.</summary>
    public const int MaxFields = 100;

    private const string NoResponse = "_No response_";

    public static IssueForm Parse(string? body)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tooLong = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(body))
        {
            return new IssueForm(fields, tooLong);
        }

        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? current = null;
        var value = new StringBuilder();
        char fenceChar = '\0';
        var fenceLength = 0;

        void Flush()
        {
            if (current is null || fields.ContainsKey(current) || fields.Count >= MaxFields)
            {
                return;
            }

            var text = value.ToString().Trim('\n', '\r', ' ', '\t');
            if (text == NoResponse)
            {
                text = string.Empty;
            }

            if (text.Length > MaxValueChars)
            {
                text = text[..MaxValueChars];
                tooLong.Add(current);
            }

            fields[current] = text;
        }

        foreach (var line in lines)
        {
            var trimmed = line.TrimStart(' ');
            var indent = line.Length - trimmed.Length;
            if (fenceChar == '\0' && indent <= 3 && TryHeading(trimmed, out var name))
            {
                Flush();
                current = name;
                value.Clear();
                continue;
            }

            if (indent <= 3 && TryFence(trimmed, out var ch, out var len, out var rest))
            {
                if (fenceChar == '\0')
                {
                    fenceChar = ch;
                    fenceLength = len;
                }
                else if (ch == fenceChar && len >= fenceLength && rest.Length == 0)
                {
                    fenceChar = '\0';
                }
            }

            if (current is not null && value.Length <= MaxValueChars)
            {
                value.Append(line).Append('\n');
            }
        }

        Flush();
        return new IssueForm(fields, tooLong);
    }

    private static bool TryHeading(string line, out string name)
    {
        name = string.Empty;
        if (!line.StartsWith("### ", StringComparison.Ordinal))
        {
            return false;
        }

        name = line[4..].Trim().TrimEnd('#').Trim();
        return name.Length is > 0 and <= 200;
    }

    private static bool TryFence(string line, out char fence, out int length, out string rest)
    {
        fence = '\0';
        length = 0;
        rest = string.Empty;
        if (line.Length < 3 || (line[0] != '`' && line[0] != '~'))
        {
            return false;
        }

        fence = line[0];
        while (length < line.Length && line[length] == fence)
        {
            length++;
        }

        rest = line[length..].Trim();
        return length >= 3;
    }
}
