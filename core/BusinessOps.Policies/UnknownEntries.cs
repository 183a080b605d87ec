using BusinessOps.Policies.Validation;

namespace BusinessOps.Policies;

/// <summary>
/// YAML files and folders in a policy folder that no part of BusinessOps reads: a misspelt <c>routin.yml</c> would otherwise be
/// ignored while the embedded default runs. Other files (README.md, .gitkeep) are not policies and are left alone.
/// </summary>
internal static class UnknownEntries
{
    public static IReadOnlyList<string> Find(string directory)
    {
        var warnings = new List<string>();
        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (Directory.Exists(path))
                {
                    if (!PolicyFileNames.KnownFolders.Contains(name, StringComparer.Ordinal) && !PolicyFileNames.All.Contains(name, StringComparer.Ordinal))
                    {
                        warnings.Add(Describe(directory, name + "/", "folder", Suggest.Closest(name, PolicyFileNames.KnownFolders) is { } f ? f + "/" : null));
                    }

                    continue;
                }

                var extension = Path.GetExtension(name);
                var isYaml = extension.Equals(".yml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase);

                if (!isYaml || PolicyFileNames.Known.Contains(name, StringComparer.Ordinal))
                {
                    continue;
                }

                // name.yaml for a known name.yml: alone it is an error of its own (rename it, PolicySource); beside the
                // name.yml that is read, its edits would silently do nothing.
                var yml = Path.ChangeExtension(name, ".yml");
                if (PolicyFileNames.Known.Contains(yml, StringComparer.Ordinal))
                {
                    if (File.Exists(Path.Combine(directory, yml)))
                    {
                        warnings.Add($"{Path.Combine(directory, name)}: ignored, {yml} is the file BusinessOps reads; move what you changed into {yml} and delete {name}");
                    }

                    continue;
                }

                warnings.Add(Describe(directory, name, "file", Suggest.Closest(name, PolicyFileNames.Known)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"{directory}: cannot list the policy folder ({ex.Message}); only the known files were read");
        }

        return warnings;
    }

    private static string Describe(string directory, string name, string kind, string? closest) =>
        $"{Path.Combine(directory, name)}: not a policy {kind} BusinessOps reads, so it is ignored"
        + (closest is null ? $" (known: {string.Join(", ", PolicyFileNames.Known)})" : $"; did you mean {closest}?");
}
