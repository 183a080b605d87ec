namespace BusinessOps.Policies;

/// <summary>One policy file as found: its text, or why there is none (absent → default, unreadable → error).</summary>
internal sealed record PolicySource(string Name, string? Text, PolicyError? Problem)
{
    public static PolicySource FromText(string name, string text) => new(name, text, null);

    public static PolicySource Missing(string name, PolicyError? problem) => new(name, null, problem);

    public static PolicySource FromDisk(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (Directory.Exists(path))
        {
            // Not "missing": a directory where the file belongs would otherwise silently run on the embedded default.
            return Missing(name, PolicyError.ForFile(name, $"is a directory, not a policy file: replace it with the {name} file (or remove it to use the embedded default)"));
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            // routing.yaml instead of routing.yml is a slip that would otherwise silently run on defaults.
            var yaml = Path.ChangeExtension(path, ".yaml");
            return File.Exists(yaml)
                ? Missing(name, PolicyError.ForFile(Path.GetFileName(yaml), $"policy files end in .yml; rename it to {name}"))
                : Missing(name, null);
        }

        // Checked before reading so a huge or endless file never reaches memory.
        if (file.Length > PolicyLoader.MaxFileBytes)
        {
            return Missing(name, PolicyError.ForFile(name, $"file is {file.Length / 1024} KB, larger than the {PolicyLoader.MaxFileBytes / 1024 / 1024} MB limit; policy files are a few kilobytes"));
        }

        try
        {
            // Bounded read: the length above lies for /dev/zero symlinks, FIFOs and files still growing.
            return ReadBounded(path) is { } text
                ? FromText(name, text)
                : Missing(name, PolicyError.ForFile(name, $"file is larger than the {PolicyLoader.MaxFileBytes / 1024 / 1024} MB limit; policy files are a few kilobytes"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Missing(name, PolicyError.ForFile(name, $"cannot read the file: {ex.Message}"));
        }
    }

    private static string? ReadBounded(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > PolicyLoader.MaxFileBytes)
            {
                return null;
            }
        }

        copy.Position = 0;
        using var reader = new StreamReader(copy, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
