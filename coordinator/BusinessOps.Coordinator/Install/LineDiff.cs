using System.Text;

namespace BusinessOps.Coordinator.Install;

/// <summary>A unified-style line diff (<c>-</c> removed, <c>+</c> added, two lines of context) of two small files. Pure.</summary>
public static class LineDiff
{
    /// <summary>Files longer than this are summarized instead of diffed (the table is lines × lines).</summary>
    public const int MaxLines = 2_000;

    public static string Render(string path, string before, string after)
    {
        var a = before.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var b = after.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var sb = new StringBuilder().Append("--- ").Append(path).Append(" (yours)\n+++ ").Append(path).Append(" (this version)\n");
        if (a.Length > MaxLines || b.Length > MaxLines)
        {
            return sb.Append($"  ({a.Length} lines → {b.Length} lines; too long to show)\n").ToString();
        }

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        var shown = new bool[lines.Count];
        for (var k = 0; k < lines.Count; k++)
        {
            if (lines[k].Mark != ' ')
            {
                for (var c = Math.Max(0, k - 2); c <= Math.Min(lines.Count - 1, k + 2); c++)
                {
                    shown[c] = true;
                }
            }
        }

        for (var k = 0; k < lines.Count; k++)
        {
            if (shown[k])
            {
                sb.Append(lines[k].Mark).Append(' ').Append(lines[k].Text).Append('\n');
            }
            else if (k > 0 && shown[k - 1])
            {
                sb.Append("  …\n");
            }
        }

        return sb.ToString();
    }
}
