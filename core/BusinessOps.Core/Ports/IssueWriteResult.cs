namespace BusinessOps.Core.Ports;

/// <summary>
/// What a batch (<see cref="IIssueStore.WriteIssueAsync"/>) did: the writes the store made (SQLite: 1 per batch; others one
/// per call, as their budgets count them) and whether its conditional write lost to another writer.
/// </summary>
public sealed record IssueWriteResult(int Writes, bool Lost)
{
    public static readonly IssueWriteResult None = new(0, false);
}
