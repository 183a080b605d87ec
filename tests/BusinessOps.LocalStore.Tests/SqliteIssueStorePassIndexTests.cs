using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

/// <summary>
/// The reconcile pass's index (issue 15 #4): after a recorded pass, the next one reads only the open issues that changed,
/// are due, have no due time, or are the automation's; anything the index cannot vouch for (no pass yet, another
/// fingerprint, a permission change, a day without a full pass, a clock gone back) asks for a full pass.
/// </summary>
public sealed class SqliteIssueStorePassIndexTests : IDisposable
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ListForPass_AfterAFullPass_OnlyChangedDueAndOwnIssues()
    {
        using var store = _temp.Open();
        using var person = _temp.Open("dana");
        for (var i = 1; i <= 6; i++)
        {
            await person.CreateIssueAsync(new NewIssue($"issue {i}", "b", []), CancellationToken.None);
        }

        var own = await store.CreateIssueAsync(new NewIssue("the coordinator's own", "b", []), CancellationToken.None);
        var workflow = await person.CreateIssueAsync(new NewIssue("a workflow", "b", ["workflow/onboarding"]), CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = _temp.Clock.GetUtcNow();
        Assert.Null(await store.ListForPassAsync("f1", now, Day, "workflow/", CancellationToken.None));

        // Every issue decided: #2 due in an hour, #3 in a day, the rest never (the two automation issues have no row).
        var due = new Dictionary<int, DateTimeOffset> { [1] = DateTimeOffset.MaxValue, [2] = now.AddHours(1), [3] = now.AddDays(1), [4] = DateTimeOffset.MaxValue, [5] = DateTimeOffset.MaxValue, [6] = DateTimeOffset.MaxValue };
        await store.RecordPassAsync("f1", now, full: true, due, CancellationToken.None);

        _temp.Clock.Advance(TimeSpan.FromMinutes(90));
        await person.AddCommentAsync(5, "a question", CancellationToken.None);
        await person.SetStateAsync(6, IssueState.Closed, CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = _temp.Clock.GetUtcNow();
        var read = Assert.IsAssignableFrom<IReadOnlyList<IssueSnapshot>>(await store.ListForPassAsync("f1", later, Day, "workflow/", CancellationToken.None));

        Assert.Equal([2, 5, own.Number, workflow.Number], read.Select(i => i.Number));
        Assert.Single(read.First(i => i.Number == 5).Comments);
    }

    [Fact]
    public async Task ListForPass_WhatTheIndexCannotVouchFor_NullForAFullPass()
    {
        using var store = _temp.Open();
        using (var person = _temp.Open("dana"))
        {
            await person.CreateIssueAsync(new NewIssue("issue", "b", []), CancellationToken.None);
        }

        _temp.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = _temp.Clock.GetUtcNow();
        await store.RecordPassAsync("f1", now, full: true, new Dictionary<int, DateTimeOffset> { [1] = DateTimeOffset.MaxValue }, CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<IssueSnapshot>>(await store.ListForPassAsync("f1", _temp.Clock.GetUtcNow(), Day, "workflow/", CancellationToken.None)));

        Assert.Null(await store.ListForPassAsync("f2", _temp.Clock.GetUtcNow(), Day, "workflow/", CancellationToken.None));
        Assert.Null(await store.ListForPassAsync("f1", now - TimeSpan.FromMinutes(1), Day, "workflow/", CancellationToken.None));
        Assert.Null(await store.ListForPassAsync("f1", now + Day, Day, "workflow/", CancellationToken.None));

        // An incremental pass keeps the last full one's time: a day after it, the next pass is full again.
        await store.RecordPassAsync("f1", now + TimeSpan.FromHours(23), full: false, new Dictionary<int, DateTimeOffset>(), CancellationToken.None);
        Assert.Null(await store.ListForPassAsync("f1", now + Day, Day, "workflow/", CancellationToken.None));

        await store.SetPermissionAsync("olivia", RepositoryPermission.Admin, CancellationToken.None);
        Assert.Null(await store.ListForPassAsync("f1", now + TimeSpan.FromHours(23), Day, "workflow/", CancellationToken.None));
    }
}
