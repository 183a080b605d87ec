namespace BusinessOps.Logging;

/// <summary>The property name an interpolated expression stands for: <c>issue.Number</c> → <c>Issue</c>, <c>d.Agent</c> → <c>Agent</c>.</summary>
public static class PropertyNames
{
    /// <summary>
    /// The last member of a plain member access (<c>a.b.C</c> → <c>C</c>), capitalised; <c>X.Number</c> and <c>IssueNumber</c>
    /// mean the issue (<c>Issue</c>); null for anything that is not a plain member access, which is then logged as text.
    /// </summary>
    public static string? From(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return null;
        }

        var segments = expression.Trim().Split('.');
        if (segments.Any(s => s.Length == 0 || !IsIdentifier(s)))
        {
            return null;
        }

        var last = segments[^1];
        if (last is "Number" && segments.Length > 1)
        {
            last = segments[^2];
        }

        if (last is "IssueNumber" or "issueNumber" or "number")
        {
            last = LogProperties.Issue;
        }

        return char.ToUpperInvariant(last[0]) + last[1..];
    }

    private static bool IsIdentifier(string s) =>
        (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
