using System.Reflection;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// The files of an installation: the issue forms and policies this coordinator was built with (embedded, so a
/// release binary carries them), the one caller workflow, and a short guide.
/// </summary>
public static class InstallFiles
{
    private const string Prefix = "init/";

    public static IReadOnlyList<InstallFile> For(InstallOptions options)
    {
        var files = new List<InstallFile> { new(CallerWorkflow.Path, CallerWorkflow.Render(options)), new(Guide.Path, Guide.Render(options)) };
        var assembly = typeof(InstallFiles).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            files.Add(new InstallFile(name[Prefix.Length..].Replace('\\', '/'), Read(assembly, name)));
        }

        return files;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
