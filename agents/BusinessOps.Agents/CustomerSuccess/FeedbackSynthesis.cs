using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>Feedback lines grouped into the policy's themes: each theme with its count and up to three quotes, most mentioned first.</summary>
internal static class FeedbackSynthesis
{
    public static IReadOnlyList<(string Theme, int Count, IReadOnlyList<string> Quotes)> Themes(IReadOnlyList<string> lines, CustomerSuccessRules rules) =>
        [.. rules.Themes
            .Select(t => (t.Name, Lines: lines.Where(l => Keywords.Hits(l, t.Keywords).Count > 0).ToList()))
            .Where(t => t.Lines.Count > 0)
            .OrderByDescending(t => t.Lines.Count)
            .Select(t => (t.Name, t.Lines.Count, (IReadOnlyList<string>)[.. t.Lines.Take(3)]))];
}
