using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>Maps SQLite result codes to one-line, actionable store errors; raw SqliteExceptions never leave the adapter.</summary>
internal static class SqliteErrors
{
    // Primary result codes, https://www.sqlite.org/rescode.html
    private const int Busy = 5;
    private const int LockedCode = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static IssueStoreException Translate(SqliteException ex, string path) => ex.SqliteErrorCode switch
    {
        Busy or LockedCode => Locked(path, ex),
        ReadOnly => ReadOnlyStore(path, ex),
        CantOpen => new StoreUnavailableException(StoreErrorKind.Invalid, $"Cannot open the issue store '{path}' (missing directory or no permission): use --store to pick a writable path.", ex),
        NotADatabase => new StoreUnavailableException(StoreErrorKind.Invalid, $"'{path}' is not a BusinessOps issue store (not a SQLite database): use --store to pick another path.", ex),
        Corrupt => new StoreUnavailableException(StoreErrorKind.Invalid, $"The issue store '{path}' is damaged: restore it from a backup, or use --store to start a new one.", ex),
        Full => new StoreUnavailableException(StoreErrorKind.Transient, $"The disk holding the issue store '{path}' is full: free some space and retry.", ex),
        IoError => new StoreUnavailableException(StoreErrorKind.Transient, $"The issue store '{path}' hit a disk I/O error: check the disk and retry.", ex),
        _ => new IssueStoreException(StoreErrorKind.Transient, $"The issue store '{path}' failed (SQLite error {ex.SqliteErrorCode}: {FirstLine(ex.Message)}); retry, and report it if it persists.", ex),
    };

    public static StoreUnavailableException Locked(string path, Exception? inner = null) =>
        new(StoreErrorKind.Transient, $"The issue store '{path}' is locked by another process; retry, or stop the other coordinator.", inner);

    public static StoreUnavailableException ReadOnlyStore(string path, Exception? inner = null) =>
        new(StoreErrorKind.Invalid, $"The issue store '{path}' is read-only: use --store to pick a writable path.", inner);

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
