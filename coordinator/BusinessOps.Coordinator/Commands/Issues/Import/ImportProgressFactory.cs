namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// The bar only when the command writes to the process's own stderr and that is a terminal: tests, pipes, CI logs and
/// <c>--json</c> get plain lines (or none), never escape sequences.
/// </summary>
internal static class ImportProgressFactory
{
    public static IImportProgress For(TextWriter error, int chunkSize, bool quiet)
    {
        if (quiet)
        {
            return new PlainProgress(TextWriter.Null, int.MaxValue);
        }

        return ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            ? TerminalProgress.OnStandardError()
            : new PlainProgress(error, Math.Max(chunkSize, 100));
    }
}
