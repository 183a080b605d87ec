namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>Chooses the format: <c>--format</c> if given, else the file's extension, else (stdin) its first byte.</summary>
internal static class ImportFormats
{
    public const string Choices = "jsonl|csv";

    public static ImportFormat? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "jsonl" or "ndjson" or "json" => ImportFormat.JsonLines,
        "csv" => ImportFormat.Csv,
        _ => throw new IssueCommandException($"--format must be jsonl or csv (got '{value}')."),
    };

    public static ImportFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => ImportFormat.JsonLines,
        ".csv" => ImportFormat.Csv,
        _ => null,
    };

    /// <summary>A JSON object starts with '{' (after a byte order mark or blank space); anything else is read as CSV.</summary>
    public static ImportFormat Sniff(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        foreach (var b in start)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{' ? ImportFormat.JsonLines : ImportFormat.Csv;
        }

        return ImportFormat.JsonLines;
    }
}
