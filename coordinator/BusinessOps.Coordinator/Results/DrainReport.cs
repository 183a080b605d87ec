namespace BusinessOps.Coordinator.Results;

/// <summary>What one drain of the results queue did: results written (per issue and key), dropped, left unread, failed.</summary>
public sealed record DrainReport(int Written, int Dropped, int Unreadable, int Failed, IReadOnlySet<int> Issues, IReadOnlySet<string> Keys)
{
    public static DrainReport Empty { get; } = new(0, 0, 0, 0, new HashSet<int>(), new HashSet<string>(StringComparer.Ordinal));
}
