namespace BusinessOps.Agents.Sdk.Forms;

/// <summary>Whole-word (or whole-phrase) keyword matching over lower-cased text, for the rule-based classifiers.</summary>
public static class Keywords
{
    /// <summary>The keywords of <paramref name="keywords"/> that occur in <paramref name="text"/> as whole words.</summary>
    public static IReadOnlyList<string> Hits(string text, IEnumerable<string> keywords)
    {
        var lower = " " + text.ToLowerInvariant() + " ";
        return [.. keywords.Where(k => Contains(lower, k))];
    }

    private static bool Contains(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        while (i >= 0)
        {
            var before = i == 0 ? ' ' : text[i - 1];
            var end = i + word.Length;
            var after = end < text.Length ? text[end] : ' ';

            // A trailing 's' still counts ("invoices", "refunds"); other letters make a different word.
            if (!char.IsLetterOrDigit(before) && (!char.IsLetterOrDigit(after) || (after == 's' && (end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1])))))
            {
                return true;
            }

            i = text.IndexOf(word, i + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
