using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>Reads a body from <c>--body</c> or <c>--body-file</c> (<c>-</c> for stdin), never more than the store accepts plus one character.</summary>
internal static class BodyInput
{
    public static async Task<string?> ReadAsync(string? body, string? bodyFile, CancellationToken cancellationToken)
    {
        if (body is not null && bodyFile is not null)
        {
            throw new IssueCommandException("Give --body or --body-file, not both.");
        }

        if (bodyFile is null)
        {
            return body;
        }

        if (bodyFile == "-")
        {
            return await ReadBoundedAsync(Console.In, "stdin", cancellationToken);
        }

        if (!File.Exists(bodyFile))
        {
            throw new IssueCommandException($"The body file '{bodyFile}' does not exist.");
        }

        try
        {
            using var reader = new StreamReader(bodyFile, detectEncodingFromByteOrderMarks: true);
            return await ReadBoundedAsync(reader, $"'{bodyFile}'", cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IssueCommandException($"Cannot read the body file '{bodyFile}': {ex.Message}");
        }
    }

    private static async Task<string> ReadBoundedAsync(TextReader reader, string source, CancellationToken cancellationToken)
    {
        // Read one character past the limit: enough to know it is too long without loading a huge file.
        var buffer = new char[StoreLimits.MaxBodyLength + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read > StoreLimits.MaxBodyLength
            ? throw new IssueCommandException($"The body from {source} is longer than {StoreLimits.MaxBodyLength} characters, the limit: shorten it or attach the rest elsewhere.")
            : new string(buffer, 0, read);
    }
}
