namespace BusinessOps.Coordinator.Install;

/// <summary>
/// What <c>coordinator init</c> installs: the BusinessOps release the workflow runs (<see cref="Repository"/> at
/// <see cref="Ref"/>, a tag or a commit), where agents run, and the repository's default branch.
/// </summary>
public sealed record InstallOptions(string Repository, string Ref, string Executor = "local", string Branch = "main")
{
    /// <summary>A commit (40 hex digits) has no release binaries: the workflow builds that commit from source.</summary>
    public bool IsCommit => Ref.Length == 40 && Ref.All(char.IsAsciiHexDigitLower);
}
