using System.Globalization;
using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>Checks and cleans untrusted text before it reaches SQL parameters. Every failure is one actionable line.</summary>
internal static class InputGuard
{
    public static string Title(string? title)
    {
        var clean = StripNul(title ?? string.Empty).Trim();
        if (clean.Length == 0)
        {
            throw Invalid("An issue needs a title: give a short, non-empty summary.");
        }

        return clean.Length <= StoreLimits.MaxTitleLength
            ? clean
            : throw Invalid($"The title is {clean.Length} characters long; the limit is {StoreLimits.MaxTitleLength}: shorten it and move details to the body.");
    }

    /// <summary>Issue bodies and comments: may be empty, may contain anything but NUL (dropped), at most <see cref="StoreLimits.MaxBodyLength"/>.</summary>
    public static string Body(string? body, string what)
    {
        var text = body ?? string.Empty;
        return text.Length <= StoreLimits.MaxBodyLength
            ? StripNul(text)
            : throw Invalid($"The {what} is {text.Length} characters long; the limit is {StoreLimits.MaxBodyLength}: shorten it or attach the rest elsewhere.");
    }

    public static string LabelName(string? name)
    {
        var clean = (name ?? string.Empty).Trim();
        if (clean.Length is 0 or > StoreLimits.MaxLabelLength)
        {
            throw Invalid($"Label '{Preview(clean)}' must be 1 to {StoreLimits.MaxLabelLength} characters long.");
        }

        return clean.Any(c => c == ',' || char.IsControl(c))
            ? throw Invalid($"Label '{Preview(clean)}' contains a comma, newline or control character: label names cannot.")
            : clean;
    }

    /// <summary>Validated, trimmed, case-insensitively distinct labels in their first-seen order.</summary>
    public static List<string> Labels(IEnumerable<string>? labels)
    {
        var result = new List<string>();
        foreach (var label in labels ?? [])
        {
            var name = LabelName(label);
            if (!result.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(name);
            }
        }

        return result;
    }

    public static void LabelCount(int count)
    {
        if (count > StoreLimits.MaxLabelsPerIssue)
        {
            throw Invalid($"An issue can carry at most {StoreLimits.MaxLabelsPerIssue} labels; this change would leave {count}: remove some first.");
        }
    }

    public static string Login(string? login, string what)
    {
        var clean = (login ?? string.Empty).Trim();
        if (clean.Length is 0 or > StoreLimits.MaxLoginLength || clean.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw Invalid($"The {what} '{Preview(clean)}' is not a valid login: use 1 to {StoreLimits.MaxLoginLength} characters without spaces.");
        }

        return clean;
    }

    /// <summary>Six hex digits, lower case, without '#'.</summary>
    public static string Color(string? color)
    {
        var clean = (color ?? string.Empty).Trim().TrimStart('#').ToLowerInvariant();
        return clean.Length == 6 && int.TryParse(clean, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)
            ? clean
            : throw Invalid($"Label colour '{Preview(color ?? string.Empty)}' is not six hex digits like 'd73a4a'.");
    }

    public static string Description(string? description)
    {
        var clean = StripNul(description ?? string.Empty).Trim();
        return clean.Length <= StoreLimits.MaxLabelDescriptionLength
            ? clean
            : throw Invalid($"Label descriptions are limited to {StoreLimits.MaxLabelDescriptionLength} characters; this one has {clean.Length}.");
    }

    public static void IssueNumber(int number)
    {
        if (number <= 0)
        {
            throw Invalid($"Issue numbers start at 1; {number} is not one.");
        }
    }

    public static IssueStoreException Invalid(string message) => new(StoreErrorKind.Invalid, message);

    /// <summary>NUL cannot round-trip through every consumer of the text (C strings, terminals); everything else is kept verbatim.</summary>
    private static string StripNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;

    /// <summary>A short, single-line rendering of untrusted text for error messages.</summary>
    private static string Preview(string text)
    {
        var oneLine = new string([.. text.Take(60).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 60 ? oneLine + "…" : oneLine;
    }
}
