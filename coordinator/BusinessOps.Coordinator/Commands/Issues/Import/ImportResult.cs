namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>
/// What a run did: the issues filed (with the line each came from), the rows skipped as already filed, every line that was
/// not filed and why, and, when GitHub's rate limit outlasted the run, when to continue.
/// </summary>
internal sealed class ImportResult
{
    public List<(long Line, int Number)> Filed { get; } = [];

    public List<(long Line, int Number)> Skipped { get; } = [];

    public List<ImportLineError> Errors { get; } = [];

    /// <summary>Dry run: rows that would be filed.</summary>
    public int WouldFile { get; set; }

    /// <summary>Set when a rate-limit wait outlasted the run's budget: the import stopped cleanly and can be resumed.</summary>
    public DateTimeOffset? DeferredUntil { get; set; }

    public bool Deferred { get; set; }
}
