using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore.Tests;

public sealed class SchemaMigrationTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Migrate_OlderFileWithData_AppliesOnlyMissingStepsAndKeepsRows()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Path)!);
        using var raw = _temp.Raw();
        Schema.Migrate(raw, _temp.Path, [Schema.All[0]]);
        Execute(raw, "INSERT INTO issues (title, body, state, author, created_at, updated_at) VALUES ('kept', '', 'open', 'a', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');");

        Schema.Migrate(raw, _temp.Path, [Schema.All[0], "ALTER TABLE issues ADD COLUMN milestone TEXT;"]);

        Assert.Equal(2L, Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal("kept", Scalar(raw, "SELECT title FROM issues;"));
        Assert.Equal(0L, Scalar(raw, "SELECT COUNT(milestone) FROM issues;"));
    }

    [Fact]
    public void Migrate_StepFails_RollsBackEveryStepAndKeepsVersion()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Path)!);
        using var raw = _temp.Raw();

        Assert.Throws<SqliteException>(() => Schema.Migrate(raw, _temp.Path, [Schema.All[0], "CREATE TABLE broken (;"]));

        Assert.Equal(0L, Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal(0L, Scalar(raw, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'issues';"));
    }

    [Fact]
    public void Open_FileExclusivelyLockedByAnotherProcess_ThrowsTransientLocked()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Path)!);
        using var raw = _temp.Raw();
        Execute(raw, "CREATE TABLE holder (x INTEGER);");

        // Before any WAL switch the file is in rollback-journal mode, where EXCLUSIVE shuts out readers too.
        Execute(raw, "BEGIN EXCLUSIVE;");
        var ex = Record.Exception(() => _temp.Open(options: new SqliteIssueStoreOptions { BusyTimeout = TimeSpan.FromMilliseconds(100) }).Dispose());

        var storeError = Assert.IsType<StoreUnavailableException>(ex);
        Assert.Equal(StoreErrorKind.Transient, storeError.Kind);
        Assert.Contains("is locked by another process; retry, or stop the other coordinator", storeError.Message, StringComparison.Ordinal);
    }

    private static void Execute(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
