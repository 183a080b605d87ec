using System.Text;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// Writes an installation into a repository folder without ever losing what is there: a file that exists with other
/// content is kept (and listed), unless <c>--force</c>, which first shows the change and keeps the previous content
/// beside it as <c>*.orig</c>.
/// </summary>
public static class Installer
{
    public const string BackupSuffix = ".orig";

    // Workflows and YAML are plain UTF-8: no byte-order mark.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<(InstallFile File, InstallAction Action)> Plan(string root, IReadOnlyList<InstallFile> files, bool force) =>
        [.. files.Select(f =>
        {
            var path = Path.Combine(root, f.Path);
            if (!File.Exists(path))
            {
                return (f, InstallAction.Create);
            }

            return Normalize(File.ReadAllText(path)) == Normalize(f.Content) ? (f, InstallAction.Unchanged) : (f, force ? InstallAction.Replace : InstallAction.Keep);
        })];

    /// <summary>Applies <paramref name="plan"/> (nothing when <paramref name="dryRun"/>), one line per file, diffs for replacements.</summary>
    public static async Task ApplyAsync(string root, IReadOnlyList<(InstallFile File, InstallAction Action)> plan, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var (file, action) in plan)
        {
            var path = Path.Combine(root, file.Path);
            switch (action)
            {
                case InstallAction.Create:
                    await output.WriteLineAsync($"create   {file.Path}");
                    if (!dryRun)
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        await File.WriteAllTextAsync(path, file.Content, Utf8, cancellationToken);
                    }

                    break;
                case InstallAction.Unchanged:
                    await output.WriteLineAsync($"same     {file.Path}");
                    break;
                case InstallAction.Keep:
                    await output.WriteLineAsync($"kept     {file.Path} (yours differs; --force shows the change and replaces it, keeping yours as {file.Path}{BackupSuffix})");
                    break;
                case InstallAction.Replace:
                    var current = await File.ReadAllTextAsync(path, cancellationToken);
                    await output.WriteLineAsync($"replace  {file.Path} (yours is kept as {file.Path}{BackupSuffix})");
                    await output.WriteAsync(LineDiff.Render(file.Path, current, file.Content));
                    if (!dryRun)
                    {
                        await File.WriteAllTextAsync(path + BackupSuffix, current, Utf8, cancellationToken);
                        await File.WriteAllTextAsync(path, file.Content, Utf8, cancellationToken);
                    }

                    break;
            }
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd();
}
