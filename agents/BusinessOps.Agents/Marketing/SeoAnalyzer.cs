using System.Globalization;
using System.Text;

namespace BusinessOps.Agents.Marketing;

/// <summary>
/// Pure SEO analysis. Five checks of 20 points: title 50–60 chars (30–70: 10), meta 150–160 (120–170: 10),
/// keyword density 1–3 % (0.5–4 %: 10), headings one H1 (10) and at least one H2 (10), Flesch ≥ 60 (≥ 30: 10).
/// Density = keyword occurrences ÷ words × 100. Code blocks are ignored; Markdown syntax is stripped.
/// </summary>
internal static class SeoAnalyzer
{
    public static SeoReport Analyze(SeoInput input)
    {
        var (prose, h1, h2) = Prose(input.Content);
        var words = TextStats.Words(prose);
        var sentences = TextStats.Sentences(prose);
        var syllables = words.Sum(TextStats.Syllables);
        var keywordWords = TextStats.Words(input.FocusKeyword).Select(w => w.ToLowerInvariant()).ToArray();
        var lower = words.Select(w => w.ToLowerInvariant()).ToArray();
        var occurrences = keywordWords.Length == 0 ? 0 : Enumerable.Range(0, Math.Max(0, lower.Length - keywordWords.Length + 1))
            .Count(i => keywordWords.Select((k, j) => lower[i + j] == k).All(b => b));
        var density = words.Count == 0 ? 0 : Math.Round(100.0 * occurrences / words.Count, 2);
        var flesch = words.Count == 0 ? 0 : Math.Round(206.835 - (1.015 * words.Count / sentences) - (84.6 * syllables / (double)words.Count), 1);
        var titleLength = input.Title.Trim().Length;
        var metaLength = input.MetaDescription.Trim().Length;

        var recs = new List<string>();
        var score = 0;
        score += Band(titleLength, 50, 60, 30, 70, recs, F($"Title is {titleLength} characters; aim for 50–60."));
        score += Band(metaLength, 150, 160, 120, 170, recs, F($"Meta description is {metaLength} characters; aim for 150–160."));
        score += density is >= 1 and <= 3 ? 20 : density is >= 0.5 and <= 4 ? 10 : 0;
        if (density is < 1 or > 3)
        {
            recs.Add(F($"Keyword density is {density:0.##} %; aim for 1–3 % ({(density < 1 ? "use the focus keyword more" : "avoid keyword stuffing")})."));
        }

        score += h1 == 1 ? 10 : 0;
        score += h2 >= 1 ? 10 : 0;
        if (h1 != 1)
        {
            recs.Add(F($"Use exactly one H1 heading (found {h1})."));
        }

        if (h2 == 0)
        {
            recs.Add("Add H2 subheadings to structure the content.");
        }

        score += flesch >= 60 ? 20 : flesch >= 30 ? 10 : 0;
        if (flesch < 60)
        {
            recs.Add(F($"Flesch reading ease is {flesch:0.#}; shorten sentences and prefer shorter words (aim for 60+)."));
        }

        if (keywordWords.Length > 0 && !input.Title.Contains(input.FocusKeyword.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            recs.Add("Put the focus keyword in the title.");
        }

        if (keywordWords.Length > 0 && !input.MetaDescription.Contains(input.FocusKeyword.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            recs.Add("Put the focus keyword in the meta description.");
        }

        return new SeoReport(titleLength, metaLength, words.Count, sentences, syllables, occurrences, density, h1, h2, flesch, score, recs);
    }

    /// <summary>Content without code blocks and Markdown syntax, plus the H1 and H2 counts.</summary>
    internal static (string Prose, int H1, int H2) Prose(string markdown)
    {
        var sb = new StringBuilder();
        int h1 = 0, h2 = 0;
        var inFence = false;
        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                h1++;
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                h2++;
            }

            sb.Append(StripInline(line.TrimStart('#', '>', '-', '*', '+', ' '))).Append('\n');
        }

        return (sb.ToString(), h1, h2);
    }

    private static string StripInline(string line)
    {
        // [text](url) → text; images and emphasis markers add no words.
        var sb = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == ']' && i + 1 < line.Length && line[i + 1] == '(')
            {
                var close = line.IndexOf(')', i);
                i = close < 0 ? line.Length : close;
                continue;
            }

            if (c is not ('[' or '*' or '_' or '`' or '!'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int Band(int value, int idealMin, int idealMax, int okMin, int okMax, List<string> recs, string advice)
    {
        if (value >= idealMin && value <= idealMax)
        {
            return 20;
        }

        recs.Add(advice);
        return value >= okMin && value <= okMax ? 10 : 0;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
