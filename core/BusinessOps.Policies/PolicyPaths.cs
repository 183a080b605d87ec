namespace BusinessOps.Policies;

/// <summary>Where <c>--policies</c> points when the user did not say, so an installed tool finds its shipped policies.</summary>
public static class PolicyPaths
{
    /// <summary>The default of <c>--policies</c>.</summary>
    public const string DefaultDirectory = "policies";

    /// <summary>
    /// <paramref name="requested"/> when given (an explicit path is never second-guessed). Otherwise
    /// <c>policies/</c> under the current directory if it exists, else the copy shipped next to the
    /// executable (<c>AppContext.BaseDirectory/policies</c>), else <c>policies</c> — which the loader,
    /// called with <c>allowMissingDirectory</c>, answers with the embedded defaults and a note.
    /// </summary>
    public static string Resolve(string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested) && !IsDefault(requested))
        {
            return requested;
        }

        if (Directory.Exists(DefaultDirectory))
        {
            return DefaultDirectory;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, DefaultDirectory);
        return Directory.Exists(shipped) ? shipped : requested ?? DefaultDirectory;
    }

    /// <summary>True when <paramref name="requested"/> is absent or just the default spelled out (<c>policies/</c>).</summary>
    public static bool IsDefault(string? requested) =>
        string.IsNullOrWhiteSpace(requested)
        || requested.TrimEnd('/', '\\') is DefaultDirectory or "./" + DefaultDirectory or ".\\" + DefaultDirectory;
}
