using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStorePermissionsTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GetPermissionAsync_Stranger_ReturnsNone()
    {
        using var store = _temp.Open();

        Assert.Equal(RepositoryPermission.None, await store.GetPermissionAsync("mallory", CancellationToken.None));
    }

    [Fact]
    public async Task SetPermissionAsync_ThenGet_ReturnsLevelCaseInsensitively()
    {
        using var store = _temp.Open();

        await store.SetPermissionAsync("Alice", RepositoryPermission.Write, CancellationToken.None);
        await store.SetPermissionAsync("bob", RepositoryPermission.Admin, CancellationToken.None);

        Assert.Equal(RepositoryPermission.Write, await store.GetPermissionAsync("alice", CancellationToken.None));
        Assert.Equal(RepositoryPermission.Admin, await store.GetPermissionAsync("BOB", CancellationToken.None));
    }

    [Fact]
    public async Task SetPermissionAsync_Again_ReplacesLevelAndNoneRemoves()
    {
        using var store = _temp.Open();
        await store.SetPermissionAsync("alice", RepositoryPermission.Read, CancellationToken.None);
        await store.SetPermissionAsync("carol", RepositoryPermission.Triage, CancellationToken.None);

        await store.SetPermissionAsync("ALICE", RepositoryPermission.Maintain, CancellationToken.None);
        await store.SetPermissionAsync("carol", RepositoryPermission.None, CancellationToken.None);
        var list = await store.ListCollaboratorsAsync(CancellationToken.None);

        Assert.Equal([new Collaborator("ALICE", RepositoryPermission.Maintain)], list);
    }

    [Fact]
    public async Task ListCollaboratorsAsync_Several_OrderedByLogin()
    {
        using var store = _temp.Open();
        await store.SetPermissionAsync("zed", RepositoryPermission.Read, CancellationToken.None);
        await store.SetPermissionAsync("Amy", RepositoryPermission.Write, CancellationToken.None);
        await store.SetPermissionAsync("bob", RepositoryPermission.Admin, CancellationToken.None);

        var list = await store.ListCollaboratorsAsync(CancellationToken.None);

        Assert.Equal(["Amy", "bob", "zed"], list.Select(c => c.Login));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public async Task SetPermissionAsync_BadLogin_ThrowsInvalid(string login)
    {
        using var store = _temp.Open();

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.SetPermissionAsync(login, RepositoryPermission.Write, CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
    }
}
