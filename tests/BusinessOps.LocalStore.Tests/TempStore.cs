using BusinessOps.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.LocalStore.Tests;

/// <summary>A fresh directory under the temp path with a store path inside it; deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "businessops-localstore-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Root, "nested", "ops.db");
    }

    /// <summary>The temp directory; the store lives in its <c>nested</c> subdirectory, which the store must create.</summary>
    public string Root { get; }

    public string Path { get; }

    public FakeTimeProvider Clock { get; } = new(TestKit.Some.Epoch);

    public SqliteIssueStore Open(string actor = BotIdentity.Login, SqliteIssueStoreOptions? options = null) =>
        SqliteIssueStore.Open(Path, actor, options ?? SqliteIssueStoreOptions.Default, Clock);

    /// <summary>A raw connection to the same file, for arranging states the store itself never produces.</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
