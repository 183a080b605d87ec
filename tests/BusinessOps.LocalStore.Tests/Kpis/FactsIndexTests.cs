using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests.Kpis;

/// <summary>The KPI index notices every write — its own, another process's, one made in the very millisecond it was built.</summary>
public sealed class FactsIndexTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadFactsAsync_LabelChangedInTheMillisecondOfTheBuild_RowRebuilt()
    {
        using var store = _temp.Open();
        var n = (await store.CreateIssueAsync(new NewIssue("Invoice", "body", ["status/queued"]), CancellationToken.None)).Number;
        Assert.Equal(IssueStatus.Queued, (await store.ReadFactsAsync(refresh: true, CancellationToken.None)).Single().Status);

        // The clock has not moved: updated_at is what it was when the row was built.
        await store.UpdateLabelsAsync(n, ["status/done"], ["status/queued"], CancellationToken.None);

        Assert.Equal(IssueStatus.Done, (await store.ReadFactsAsync(refresh: true, CancellationToken.None)).Single().Status);
    }

    [Fact]
    public async Task ReadFactsAsync_AnotherWriterEditsAndDeletes_RowsFollow()
    {
        using var store = _temp.Open();
        var one = (await store.CreateIssueAsync(new NewIssue("One", "body", []), CancellationToken.None)).Number;
        var two = (await store.CreateIssueAsync(new NewIssue("Two", "body", []), CancellationToken.None)).Number;
        await store.ReadFactsAsync(refresh: true, CancellationToken.None);

        using (var raw = _temp.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = $"UPDATE issues SET title = 'One, renamed' WHERE number = {one}; DELETE FROM issues WHERE number = {two};";
            command.ExecuteNonQuery();
        }

        var facts = await store.ReadFactsAsync(refresh: true, CancellationToken.None);
        Assert.Equal(["One, renamed"], facts.Select(f => f.Title));
    }

    [Fact]
    public async Task ReadFactsAsync_TableOfAnOlderLayout_DroppedAndRebuilt()
    {
        using (var store = _temp.Open())
        {
            await store.CreateIssueAsync(new NewIssue("One", "body", ["status/done"]), CancellationToken.None);
        }

        using (var raw = _temp.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "CREATE TABLE kpi_facts_v1 (number INTEGER PRIMARY KEY, stamp TEXT NOT NULL);";
            command.ExecuteNonQuery();
        }

        using (var store = _temp.Open())
        {
            Assert.Equal(IssueStatus.Done, (await store.ReadFactsAsync(refresh: true, CancellationToken.None)).Single().Status);
        }

        using var check = _temp.Raw();
        using var tables = check.CreateCommand();
        tables.CommandText = "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'kpi%' ORDER BY name);";
        Assert.Equal($"kpi_facts_dirty kpi_facts_v{Core.Kpis.IssueFacts.Version}_2", tables.ExecuteScalar());
    }

    [Fact]
    public async Task ReadFactsAsync_UpToDate_WritesNothing()
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(new NewIssue("One", "body", []), CancellationToken.None);
        await store.ReadFactsAsync(refresh: true, CancellationToken.None);
        using var watcher = _temp.Raw();
        var before = DataVersion(watcher);

        await store.ReadFactsAsync(refresh: true, CancellationToken.None);
        await store.ComputeKpisAsync(Core.Kpis.KpiQuery.For(Core.Kpis.KpiPeriodKind.Week, _temp.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(before, DataVersion(watcher));
    }

    /// <summary>Changes when another connection commits a write (SQLite's <c>PRAGMA data_version</c>, from a connection kept open).</summary>
    private static long DataVersion(Microsoft.Data.Sqlite.SqliteConnection watcher)
    {
        using var command = watcher.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return (long)command.ExecuteScalar()!;
    }
}
