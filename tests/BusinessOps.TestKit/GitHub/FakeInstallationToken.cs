namespace BusinessOps.TestKit.GitHub;

/// <summary>
/// An installation token the fake handed out, with what it was narrowed to: the repositories by name (null = every
/// repository of the installation) and the permissions (name → <c>read</c>/<c>write</c>; empty = all the App has).
/// </summary>
public sealed record FakeInstallationToken(string Installation, IReadOnlyList<string>? Repositories, IReadOnlyDictionary<string, string> Permissions)
{
    /// <summary>True when the token may use <paramref name="permission"/> at <paramref name="level"/> (write implies read).</summary>
    public bool Allows(string permission, string level) =>
        Permissions.Count == 0
        || (Permissions.TryGetValue(permission, out var granted) && (granted == "write" || granted == level));
}
