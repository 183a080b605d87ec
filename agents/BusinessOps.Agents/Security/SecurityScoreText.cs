using System.Globalization;
using System.Text.RegularExpressions;

namespace BusinessOps.Agents.Security;

/// <summary>
/// The one wording of the security score in the security agent's summary (<c>security score 92/100</c>), which the QA
/// agent reads back from the security agent's latest result digest for its security gate.
/// </summary>
public static partial class SecurityScoreText
{
    public static string Format(int score) => string.Create(CultureInfo.InvariantCulture, $"security score {score}/100");

    /// <summary>The score in <paramref name="summary"/>, or null when it holds none.</summary>
    public static int? Find(string? summary) =>
        summary is not null && Pattern().Match(summary) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score <= 100
            ? score
            : null;

    [GeneratedRegex(@"security score (\d{1,3})/100", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pattern();
}
