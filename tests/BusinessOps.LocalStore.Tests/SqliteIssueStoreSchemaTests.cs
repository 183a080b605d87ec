using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreSchemaTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_MissingDirectoryAndFile_CreatesBothWithCurrentSchemaInWalMode()
    {
        using (_temp.Open())
        {
        }

        using var raw = _temp.Raw();
        Assert.True(File.Exists(_temp.Path));
        Assert.Equal(1L, Pragma(raw, "user_version"));
        Assert.Equal("wal", Pragma(raw, "journal_mode"));
        Assert.Equal(
            ["collaborators", "comments", "issue_labels", "issues", "labels", "reactions"],
            Strings(raw, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;"));
    }

    [Fact]
    public async Task Open_EmptyExistingFile_MigratesFromVersionZero()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Path)!);
        await File.WriteAllBytesAsync(_temp.Path, []);

        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        Assert.Equal(1, issue.Number);
    }

    [Fact]
    public void Open_TwiceOnSameFile_MigratesOnlyOnce()
    {
        using var first = _temp.Open();
        using var second = _temp.Open();
        using var raw = _temp.Raw();

        Assert.Equal(1L, Pragma(raw, "user_version"));
    }

    [Fact]
    public void Open_NewerSchemaVersion_ThrowsInvalidNamingBothVersions()
    {
        using (_temp.Open())
        {
        }

        using (var raw = _temp.Raw())
        {
            using var bump = raw.CreateCommand();
            bump.CommandText = "PRAGMA user_version = 99;";
            bump.ExecuteNonQuery();
        }

        var ex = Assert.ThrowsAny<IssueStoreException>(() => _temp.Open());

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Equal($"The issue store '{_temp.Path}' was written by a newer BusinessOps (schema 99, this build knows 1): upgrade, or use another --store.", ex.Message);
    }

    [Fact]
    public async Task Open_NotASqliteFile_ThrowsInvalidWithoutSqliteException()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Path)!);
        await File.WriteAllTextAsync(_temp.Path, new string('x', 4096));

        var ex = Assert.ThrowsAny<IssueStoreException>(() => _temp.Open());

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Contains("is not a BusinessOps issue store (not a SQLite database)", ex.Message, StringComparison.Ordinal);
        Assert.IsType<StoreUnavailableException>(ex);
    }

    [Fact]
    public void Open_DirectoryIsAFile_ThrowsInvalid()
    {
        Directory.CreateDirectory(_temp.Root);
        File.WriteAllText(Path.Combine(_temp.Root, "nested"), "a file where the directory should be");

        var ex = Assert.ThrowsAny<IssueStoreException>(() => _temp.Open());

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Contains("use --store to pick a writable path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PathIsADirectory_ThrowsInvalidCannotOpen()
    {
        Directory.CreateDirectory(_temp.Path);

        var ex = Assert.ThrowsAny<IssueStoreException>(() => _temp.Open());

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Equal($"Cannot open the issue store '{_temp.Path}' (missing directory or no permission): use --store to pick a writable path.", ex.Message);
    }

    [Fact]
    public void Open_PathWithNul_ThrowsInvalidInsteadOfArgumentException()
    {
        var ex = Assert.ThrowsAny<IssueStoreException>(() => SqliteIssueStore.Open("bad\0path.db", "alice", TimeProvider.System));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Open_BlankActor_ThrowsInvalid()
    {
        var ex = Assert.ThrowsAny<IssueStoreException>(() => _temp.Open(" "));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
    }

    private static object? Pragma(Microsoft.Data.Sqlite.SqliteConnection raw, string name)
    {
        using var command = raw.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar();
    }

    private static List<string> Strings(Microsoft.Data.Sqlite.SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
