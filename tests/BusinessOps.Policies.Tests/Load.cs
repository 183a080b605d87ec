namespace BusinessOps.Policies.Tests;

/// <summary>Shortcuts for loading policy text in tests; files not given fall back to the defaults.</summary>
internal static class Load
{
    public static PolicyLoadResult One(string file, string text) =>
        PolicyLoader.LoadFromStrings(new Dictionary<string, string> { [file] = text });

    public static PolicyLoadResult Many(params (string File, string Text)[] files) =>
        PolicyLoader.LoadFromStrings(files.ToDictionary(f => f.File, f => f.Text));

    /// <summary>The one error of a result, as <c>file:line:col: message</c>.</summary>
    public static string SingleError(PolicyLoadResult result)
    {
        Assert.Null(result.Policies);
        return Assert.Single(result.Errors).ToString();
    }

    /// <summary>The repository's <c>policies/</c> folder, found by walking up from the test binaries.</summary>
    public static string ShippedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
            {
                return Path.Combine(dir.FullName, "policies");
            }
        }

        throw new InvalidOperationException("BusinessOps.sln not found above " + AppContext.BaseDirectory);
    }
}
