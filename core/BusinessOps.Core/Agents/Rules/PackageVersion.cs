using System.Globalization;

namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// A package version as NuGet and npm write it (<c>1.2.3</c>, <c>1.2</c>, <c>4.8.0-beta00017</c>, a leading <c>v</c> or
/// range operator <c>^ ~ =</c> ignored), compared numerically, then a release above its pre-releases, then pre-release text.
/// </summary>
public sealed record PackageVersion(int Major, int Minor, int Patch, int Revision, string? Prerelease) : IComparable<PackageVersion>
{
    public static bool TryParse(string? text, out PackageVersion version)
    {
        version = new(0, 0, 0, 0, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().TrimStart('^', '~', '=', 'v', 'V', '[', '(').TrimEnd(']', ')');
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            s = s[..plus];
        }

        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? s[(dash + 1)..] : null;
        var parts = (dash >= 0 ? s[..dash] : s).Split('.');
        if (parts.Length is < 1 or > 4 || pre is { Length: 0 })
        {
            return false;
        }

        var n = new int[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out n[i]))
            {
                return false;
            }
        }

        version = new(n[0], n[1], n[2], n[3], pre);
        return true;
    }

    public int CompareTo(PackageVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Patch.CompareTo(other.Patch);
        c = c != 0 ? c : Revision.CompareTo(other.Revision);
        if (c != 0)
        {
            return c;
        }

        return (Prerelease, other.Prerelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(Prerelease, other.Prerelease),
        };
    }

    public static bool operator <(PackageVersion left, PackageVersion right) => left.CompareTo(right) < 0;

    public static bool operator <=(PackageVersion left, PackageVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >(PackageVersion left, PackageVersion right) => left.CompareTo(right) > 0;

    public static bool operator >=(PackageVersion left, PackageVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}") + (Revision > 0 ? "." + Revision.ToString(CultureInfo.InvariantCulture) : string.Empty) + (Prerelease is null ? string.Empty : "-" + Prerelease);
}
