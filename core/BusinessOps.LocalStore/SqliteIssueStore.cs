using System.Globalization;
using BusinessOps.Core;
using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// The embedded default <see cref="IIssueStore"/>: one SQLite file (<c>.businessops/ops.db</c>) in WAL mode with a
/// busy timeout, so the coordinator and several agent processes can read and write it at the same time.
/// One instance holds one connection and serialises its own calls; separate processes (or instances) coordinate
/// through SQLite's locks. Every failure surfaces as <see cref="IssueStoreException"/>, never as a raw SqliteException.
/// </summary>
public sealed partial class SqliteIssueStore : IIssueStore, IDisposable
{
    // One connection per instance: SqliteConnection is not thread-safe, so _gate serialises this instance's calls.
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Timestamps come from here, never from the wall clock directly.
    private readonly TimeProvider _clock;

    // Rows a read skipped, each reported once.
    private readonly UnreadableRows _skipped;
    private bool _disposed;

    private SqliteIssueStore(SqliteConnection connection, string location, string actor, string identity, TimeProvider clock, Action<string>? unreadableRow)
    {
        _connection = connection;
        _clock = clock;
        _skipped = new UnreadableRows(unreadableRow);
        Location = location;
        Actor = actor;
        Identity = identity;
    }

    /// <inheritdoc />
    public string Identity { get; }

    /// <summary>Who this instance writes as: the author of the issues it files and the comments it posts.</summary>
    public string Actor { get; }

    /// <summary>The full path of the SQLite file.</summary>
    public string Location { get; }

    /// <summary>Opens (creating the directory, file and schema if missing) the store at <paramref name="path"/> with default options.</summary>
    /// <exception cref="IssueStoreException">The path is unusable, locked, read-only, not a SQLite file or from a newer schema.</exception>
    public static SqliteIssueStore Open(string path, string actor, TimeProvider clock, string identity = BotIdentity.Login) =>
        Open(path, actor, SqliteIssueStoreOptions.Default, clock, identity);

    /// <summary>Opens the store at <paramref name="path"/> with explicit <paramref name="options"/> (busy timeout, read-only).</summary>
    /// <exception cref="IssueStoreException">The path is unusable, locked, read-only, not a SQLite file or from a newer schema.</exception>
    public static SqliteIssueStore Open(string path, string actor, SqliteIssueStoreOptions options, TimeProvider clock, string identity = BotIdentity.Login)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw InputGuard.Invalid("The store path is empty: pass --store PATH or leave it out for .businessops/ops.db.");
        }

        var login = InputGuard.Login(actor, "actor");
        var bot = InputGuard.Login(identity, "identity");
        var fullPath = FullPath(path);
        if (!options.ReadOnly)
        {
            CreateDirectory(fullPath);
        }

        var connection = new SqliteConnection(ConnectionString(fullPath, options));
        try
        {
            connection.Open();
            Prepare(connection, fullPath, options);
            return new SqliteIssueStore(connection, fullPath, login, bot, clock, options.UnreadableRow);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw SqliteErrors.Translate(ex, fullPath);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection.Dispose();
        _gate.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> in a deferred (read) transaction: one consistent snapshot, no write lock.</summary>
    private Task<T> ReadAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken) =>
        RunAsync(deferred: true, work, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in an immediate transaction: the write lock is taken up front, so a
    /// read-then-write never deadlocks with another writer, and waits for other processes up to the busy timeout.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken) =>
        RunAsync(deferred: false, work, cancellationToken);

    private async Task<T> RunAsync<T>(bool deferred, Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = _connection.BeginTransaction(deferred);
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Translate(ex, Location);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Now() => Timestamps.ToText(Timestamps.Now(_clock));

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StoreUnavailableException(StoreErrorKind.Invalid, $"The store path is not a valid file path ({ex.GetType().Name}): use --store to pick another path.", ex);
        }
    }

    private static void CreateDirectory(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException(StoreErrorKind.Invalid, $"Cannot create the directory '{directory}' for the issue store ({ex.GetType().Name}): use --store to pick a writable path.", ex);
        }
    }

    private static string ConnectionString(string fullPath, SqliteIssueStoreOptions options) => new SqliteConnectionStringBuilder
    {
        DataSource = fullPath,
        Mode = options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,

        // No pool: Dispose must really close the file (tests delete it; other tools may want it).
        Pooling = false,
        ForeignKeys = true,

        // Microsoft.Data.Sqlite retries SQLITE_BUSY until this many seconds pass (0 would mean forever).
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
    }.ToString();

    /// <summary>Per-connection settings, schema version check, WAL and migrations.</summary>
    private static void Prepare(SqliteConnection connection, string fullPath, SqliteIssueStoreOptions options)
    {
        using (var pragma = connection.CreateCommand())
        {
            // SQLite's own busy handler waits inside the engine (no 150 ms polling steps) for the same budget.
            pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)Math.Max(1, options.BusyTimeout.TotalMilliseconds)};");
            pragma.ExecuteNonQuery();
        }

        // Reading the header first turns "not a database" and "newer schema" into clear errors before any write.
        var version = Schema.ReadVersion(connection);
        Schema.EnsureNotNewer(version, fullPath);
        if (options.ReadOnly)
        {
            if (version < Schema.KnownVersion)
            {
                throw SqliteErrors.ReadOnlyStore(fullPath);
            }

            return;
        }

        using (var wal = connection.CreateCommand())
        {
            // WAL lets readers proceed while one process writes; NORMAL sync is durable across crashes of the process in WAL mode.
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            wal.ExecuteNonQuery();
        }

        if (version < Schema.KnownVersion)
        {
            Schema.Migrate(connection, fullPath);
        }
    }
}
