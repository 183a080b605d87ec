namespace BusinessOps.LocalStore;

/// <summary>
/// How <see cref="SqliteIssueStore"/> opens its file. The defaults suit the coordinator and agents sharing one store.
/// </summary>
public sealed record SqliteIssueStoreOptions
{
    /// <summary>Defaults: a 5 s busy timeout, read-write.</summary>
    public static SqliteIssueStoreOptions Default { get; } = new();

    /// <summary>
    /// How long a write waits for another process to release the file before failing with
    /// <see cref="BusinessOps.Core.Ports.StoreErrorKind.Transient"/>. Whole seconds are used by the retry loop
    /// of Microsoft.Data.Sqlite, so anything under one second counts as one second.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Open without write access (writes fail with a read-only error); the file must already exist.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Told once per row (with its table and id) when a read skips a row it cannot read, such as a malformed timestamp.
    /// Null: skipped silently.
    /// </summary>
    public Action<string>? UnreadableRow { get; init; }
}
