namespace BusinessOps.Infra.Tests.Support;

/// <summary>Finds files of the repository under test, from wherever the test assembly runs.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>BusinessOps.sln</c>.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BusinessOps.sln not found above " + AppContext.BaseDirectory);
    }
}
