namespace BusinessOps.Policies;

/// <summary>Where <c>--policies</c> points when the user did not say, so an installed tool finds its shipped policies.</summary>
public static class PolicyPaths
{
    /// <summary>The default of <c>--policies</c>.</summary>
    public const string DefaultDirectory = "policies";

    /// <summary>
    /// <paramref name="requested"/> when given: a folder the user names is never second-guessed, even when it is spelled
    /// like the default (<c>--policies policies</c> in a folder without one must fail, not run on the shipped copy).
    /// Otherwise <c>policies/</c> under the current directory if it exists, else the copy shipped next to the executable
    /// (<c>AppContext.BaseDirectory/policies</c>), else <c>policies</c> — which the loader, called with
    /// <c>allowMissingDirectory</c>, answers with the embedded defaults and a note.
    /// </summary>
    public static string Resolve(string? requested)
    {
        if (IsGiven(requested))
        {
            return requested!;
        }

        if (Directory.Exists(DefaultDirectory))
        {
            return DefaultDirectory;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, DefaultDirectory);
        return Directory.Exists(shipped) ? shipped : DefaultDirectory;
    }

    /// <summary>True when the user named a folder (<c>--policies DIR</c>); such a folder must exist.</summary>
    public static bool IsGiven(string? requested) => !string.IsNullOrWhiteSpace(requested);
}
