namespace BusinessOps.Agents.Security;

/// <summary>
/// What a repository scan found: secrets (each with its file), the dependency files it read, and what it left out
/// (files too large or binary, links not followed, the bounds reached) so a partial scan never looks complete.
/// </summary>
internal sealed record RepositoryScanReport(
    IReadOnlyList<SecretFinding> Secrets,
    IReadOnlyList<DependencyReference> Dependencies,
    int FilesScanned,
    int LinesScanned,
    IReadOnlyList<string> Skipped,
    bool Truncated);
