namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>What a reader yields for each record: a row or the error that stopped it, and how far into the input it is.</summary>
internal readonly record struct ImportItem(ImportRow? Row, ImportLineError? Error, long BytesRead)
{
    public static ImportItem Of(ImportRow row, long bytesRead) => new(row, null, bytesRead);

    public static ImportItem Fail(long line, string message, long bytesRead) => new(null, new ImportLineError(line, message), bytesRead);
}
