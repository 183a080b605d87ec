using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;

namespace BusinessOps.Agents.Management;

/// <summary>
/// Possible duplicates among the open issues the coordinator hands in, by text similarity: words (lower case, letters
/// and digits, three or more characters, common words dropped) compared by Jaccard similarity, the higher of title
/// against title and of the request's whole text (title and description) against the other issue's title and result
/// summary. At least <c>manager.yml</c>'s <c>duplicateSimilarity</c> counts. Pure.
/// </summary>
internal static class DuplicateFinder
{
    private const int MaxMatches = 3;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "our", "your", "this", "that", "are", "was", "not", "can", "cannot", "please", "need", "needs",
    };

    public static IReadOnlyList<DuplicateMatch> Find(string title, string text, IEnumerable<IssueDigest> open, double threshold)
    {
        var titleWords = Words(title);
        var textWords = Words(title + "\n" + text);
        if (textWords.Count == 0)
        {
            return [];
        }

        return [.. open
            .Where(i => i.State == IssueState.Open)
            .Select(i => new DuplicateMatch(i.Number, i.Title, Math.Max(Similarity(titleWords, Words(i.Title)), Similarity(textWords, Words(i.Title + "\n" + i.Summary)))))
            .Where(m => m.Similarity >= threshold)
            .OrderByDescending(m => m.Similarity).ThenBy(m => m.Number)
            .Take(MaxMatches)];
    }

    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return Math.Round((double)shared / (a.Count + b.Count - shared), 2);
    }

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var lower = text.ToLowerInvariant();
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            if (i < lower.Length && char.IsLetterOrDigit(lower[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start >= 3 && !Common.Contains(lower[start..i]))
            {
                words.Add(lower[start..i]);
            }

            start = -1;
        }

        return words;
    }
}
