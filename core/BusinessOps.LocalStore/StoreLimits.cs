namespace BusinessOps.LocalStore;

/// <summary>
/// Bounds on untrusted input, close to GitHub's own so that what the local store accepts GitHub accepts too.
/// Longer or malformed input is rejected with <see cref="BusinessOps.Core.Ports.StoreErrorKind.Invalid"/>.
/// </summary>
public static class StoreLimits
{
    /// <summary>Longest issue title, in UTF-16 characters.</summary>
    public const int MaxTitleLength = 256;

    /// <summary>Longest issue body or comment (GitHub's limit), in UTF-16 characters.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>Longest label name (GitHub's limit).</summary>
    public const int MaxLabelLength = 50;

    /// <summary>Most labels one issue may carry (GitHub's limit).</summary>
    public const int MaxLabelsPerIssue = 100;

    /// <summary>Longest label description (GitHub's limit).</summary>
    public const int MaxLabelDescriptionLength = 100;

    /// <summary>Longest login; GitHub's are 39, bots add a <c>[bot]</c> suffix, so this leaves room.</summary>
    public const int MaxLoginLength = 100;

    /// <summary>Colour given to labels created implicitly by <c>UpdateLabelsAsync</c> (GitHub's default grey).</summary>
    public const string DefaultLabelColor = "ededed";
}
