using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>Bounds that keep a hostile or mistaken file from exhausting memory; each is far above what a valid issue needs.</summary>
internal static class ImportLimits
{
    /// <summary>
    /// Longest record, in bytes: a body at the store's limit, every character escaped as <c>\uXXXX</c> in JSON (6 bytes),
    /// plus a title and 100 labels, fits; a longer line cannot hold a valid issue and is reported without being kept.
    /// </summary>
    public const int MaxRecordBytes = (StoreLimits.MaxBodyLength * 6) + (64 * 1024);

    /// <summary>Longest <c>id</c> value.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Error lines printed before the rest are only counted (the summary always has the total).</summary>
    public const int MaxErrorsShown = 1000;
}
