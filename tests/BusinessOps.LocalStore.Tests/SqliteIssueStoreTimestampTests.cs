using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

/// <summary>Issue 9 #8: a timestamp written by hand or by another tool never crashes a read.</summary>
public sealed class SqliteIssueStoreTimestampTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("2026-11-02T09:00:00Z", "2026-11-02T09:00:00+00:00")]
    [InlineData("2026-11-02T11:00:00+02:00", "2026-11-02T09:00:00+00:00")]
    [InlineData("2026-11-02T04:00:00-05:00", "2026-11-02T09:00:00+00:00")]
    [InlineData("2026-11-02T09:00:00.1234567Z", "2026-11-02T09:00:00.1234567+00:00")]
    [InlineData("2026-11-02 09:00:00", "2026-11-02T09:00:00+00:00")]
    [InlineData("2026-11-02T09:00", "2026-11-02T09:00:00+00:00")]
    public async Task ListIssues_AnyIso8601OffsetForm_ReadAsUtc(string stored, string expected)
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(new NewIssue("t", "b", []), CancellationToken.None);
        SetIssueColumn(1, "created_at", stored);

        var issue = Assert.Single(await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), issue.CreatedAt);
        Assert.Equal(TimeSpan.Zero, issue.CreatedAt.Offset);
    }

    [Fact]
    public async Task ListIssues_OneMalformedIssueTimestamp_OthersReadAndTheRowReportedOnce()
    {
        var reports = new List<string>();
        using var store = _temp.Open(options: SqliteIssueStoreOptions.Default with { UnreadableRow = reports.Add });
        for (var i = 0; i < 3; i++)
        {
            await store.CreateIssueAsync(new NewIssue($"issue {i}", "b", []), CancellationToken.None);
        }

        SetIssueColumn(2, "updated_at", "yesterday-ish");

        var first = await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        var second = await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal([1, 3], first.Select(i => i.Number));
        Assert.Equal([1, 3], second.Select(i => i.Number));
        Assert.Null(await store.GetIssueAsync(2, CancellationToken.None));
        var report = Assert.Single(reports);
        Assert.Contains("issue 2", report, StringComparison.Ordinal);
        Assert.Contains("yesterday-ish", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIssue_OneMalformedCommentTimestamp_IssueReadWithoutThatComment()
    {
        var reports = new List<string>();
        using var store = _temp.Open(options: SqliteIssueStoreOptions.Default with { UnreadableRow = reports.Add });
        await store.CreateIssueAsync(new NewIssue("t", "b", []), CancellationToken.None);
        var bad = await store.AddCommentAsync(1, "first", CancellationToken.None);
        await store.AddCommentAsync(1, "second", CancellationToken.None);
        using (var raw = _temp.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "UPDATE comments SET created_at = '02/11/2026 09:00' WHERE id = $id;";
            command.Parameters.AddWithValue("$id", bad.Id);
            command.ExecuteNonQuery();
        }

        var issue = await store.GetIssueAsync(1, CancellationToken.None);

        Assert.Equal(["second"], issue!.Comments.Select(c => c.Body));
        Assert.Contains($"comment {bad.Id}", Assert.Single(reports), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateComment_MalformedTimestamp_StoreErrorNotACrash()
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(new NewIssue("t", "b", []), CancellationToken.None);
        var comment = await store.AddCommentAsync(1, "first", CancellationToken.None);
        using (var raw = _temp.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "UPDATE comments SET updated_at = 'garbage';";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<IssueStoreException>(() => store.UpdateCommentAsync(1, comment.Id, "edited", CancellationToken.None));

        Assert.Contains($"Comment {comment.Id}", error.Message, StringComparison.Ordinal);
    }

    private void SetIssueColumn(int number, string column, string value)
    {
        using var raw = _temp.Raw();
        using var command = raw.CreateCommand();
        command.CommandText = $"UPDATE issues SET {column} = $value WHERE number = $number;";
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$number", number);
        command.ExecuteNonQuery();
    }
}
