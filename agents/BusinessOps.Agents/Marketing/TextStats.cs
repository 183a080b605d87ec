using System.Text.RegularExpressions;

namespace BusinessOps.Agents.Marketing;

/// <summary>Words, sentences and a syllable heuristic for Flesch reading ease.</summary>
internal static partial class TextStats
{
    public static IReadOnlyList<string> Words(string text) => [.. WordPattern().Matches(text).Select(m => m.Value)];

    /// <summary>Sentence ends (<c>.</c>, <c>!</c>, <c>?</c> runs) plus lines with no terminal punctuation (headings, list items); at least 1.</summary>
    public static int Sentences(string text)
    {
        var count = 0;
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0 || !WordPattern().IsMatch(t))
            {
                continue;
            }

            var ends = SentenceEnd().Count(t);
            count += ends == 0 || !".!?".Contains(t[^1], StringComparison.Ordinal) ? ends + 1 : ends;
        }

        return Math.Max(1, count);
    }

    /// <summary>
    /// Vowel groups (a, e, i, o, u, y), minus a silent final "e" (but not "-le"), at least one per word.
    /// Good to about ±10 % against dictionaries, which is what Flesch needs.
    /// </summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray();
        if (w.Length == 0)
        {
            return 0;
        }

        var count = 0;
        var previousVowel = false;
        foreach (var c in w)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        if (w.Length > 2 && w[^1] == 'e' && !(w[^2] == 'l' && !IsVowel(w[^3])) && count > 1)
        {
            count--;
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    [GeneratedRegex(@"[A-Za-z0-9]+(?:['’][A-Za-z]+)*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?]+(?=\s|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SentenceEnd();
}
