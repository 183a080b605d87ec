namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// The file to import, or standard input (<c>-</c>). <see cref="ReplayableAsync"/> copies a pipe to a temporary file first, for
/// a target that reads the input twice (GitHub: count and estimate, then file). The temporary file is deleted on dispose.
/// </summary>
internal sealed class ImportInput : IDisposable
{
    private readonly string? _temporary;

    private ImportInput(string? path, string? temporary, string name)
    {
        Path = path;
        _temporary = temporary;
        Name = name;
    }

    /// <summary>The file's path; null for a pipe that was not copied.</summary>
    public string? Path { get; }

    /// <summary>How messages name the input.</summary>
    public string Name { get; }

    public static ImportInput Open(string argument)
    {
        if (argument == "-")
        {
            return new ImportInput(null, null, "stdin");
        }

        if (Directory.Exists(argument))
        {
            throw new IssueCommandException($"'{argument}' is a directory: name a .jsonl or .csv file, or '-' for stdin.");
        }

        return File.Exists(argument)
            ? new ImportInput(argument, null, $"'{argument}'")
            : throw new IssueCommandException($"The file '{argument}' does not exist: check the path ('-' reads stdin).");
    }

    /// <summary>This input with a pipe copied to a temporary file, so it can be read again.</summary>
    public async Task<ImportInput> ReplayableAsync(Stream stdin, CancellationToken cancellationToken)
    {
        if (Path is not null)
        {
            return this;
        }

        var temporary = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "businessops-import-" + Guid.NewGuid().ToString("N"));
        await using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            await stdin.CopyToAsync(copy, cancellationToken);
        }

        return new ImportInput(temporary, temporary, Name);
    }

    /// <summary>Opens the bytes to read, with their length when known.</summary>
    public (Stream Stream, long? Length) OpenRead(Stream stdin)
    {
        if (Path is null)
        {
            return (stdin, null);
        }

        try
        {
            var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return (stream, stream.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IssueCommandException($"Cannot read {Name}: {ex.Message}");
        }
    }

    public void Dispose()
    {
        if (_temporary is not null && File.Exists(_temporary))
        {
            File.Delete(_temporary);
        }
    }
}
