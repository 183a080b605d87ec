using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Security;

/// <summary>
/// Pure audit of pinned dependencies against the advisory list of <c>policies/advisories.yml</c>: a version at least the
/// advisory's <c>introduced</c> (any, when absent) and below its <c>fixed</c> (every version, when absent) is affected.
/// Package names compare case-insensitively (NuGet ids are; npm names are lower-case). A version that is not a plain
/// version (<c>$(Prop)</c>, <c>file:…</c>, a git URL) cannot be compared and is counted as unaudited.
/// </summary>
internal static class DependencyAuditor
{
    public static (IReadOnlyList<DependencyFinding> Findings, int Unaudited) Audit(IEnumerable<DependencyReference> dependencies, IReadOnlyList<Advisory> advisories)
    {
        var byPackage = advisories.ToLookup(a => (a.Ecosystem.ToLowerInvariant(), a.Package.ToLowerInvariant()));
        var findings = new List<DependencyFinding>();
        var unaudited = 0;
        foreach (var d in dependencies.Distinct())
        {
            var candidates = byPackage[(d.Ecosystem, d.Package.ToLowerInvariant())].ToList();
            if (!PackageVersion.TryParse(d.Version, out var version))
            {
                unaudited++;
                continue;
            }

            findings.AddRange(candidates.Where(a => Affects(a, version)).Select(a => new DependencyFinding(d, a)));
        }

        return (findings, unaudited);
    }

    public static bool Affects(Advisory advisory, PackageVersion version) =>
        (advisory.Introduced is null || (PackageVersion.TryParse(advisory.Introduced, out var introduced) && version >= introduced))
        && (advisory.Fixed is null || (PackageVersion.TryParse(advisory.Fixed, out var fixedIn) && version < fixedIn));
}
