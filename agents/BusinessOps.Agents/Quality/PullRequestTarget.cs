using System.Globalization;
using System.Text.RegularExpressions;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Quality;

/// <summary>The QA form's optional <c>Pull request</c>: <c>#42</c>, <c>42</c> or the pull request's URL (…/pull/42).</summary>
internal static partial class PullRequestTarget
{
    public const string Field = "Pull request";

    /// <summary>The pull request's number, or null when the field is empty.</summary>
    public static int? Read(IssueForm form)
    {
        var raw = form.Optional(Field).Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        return Pattern().Match(raw) is { Success: true } m && int.TryParse(m.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw IssueForm.Invalid(Field, "the pull request whose head gets the commit status: `#42`, `42` or its URL ending in /pull/42", raw);
    }

    [GeneratedRegex(@"^(?:#|https://[^\s/]+/[^\s/]+/[^\s/]+/pull/)?(?<n>\d{1,9})/?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pattern();
}
