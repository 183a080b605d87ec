using System.Runtime.Versioning;
using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreReadOnlyTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows() && File.Exists(_temp.Path))
        {
            File.SetUnixFileMode(_temp.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(Path.GetDirectoryName(_temp.Path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task Write_StoreOpenedReadOnly_ThrowsInvalidReadOnlyAndReadsStillWork()
    {
        using (var writable = _temp.Open())
        {
            await writable.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        }

        using var store = _temp.Open(options: new SqliteIssueStoreOptions { ReadOnly = true });
        var ex = await Assert.ThrowsAnyAsync<IssueStoreException>(() => store.AddCommentAsync(1, "hello", CancellationToken.None));
        var issue = await store.GetIssueAsync(1, CancellationToken.None);

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Equal($"The issue store '{_temp.Path}' is read-only: use --store to pick a writable path.", ex.Message);
        Assert.NotNull(issue);
    }

    [NeedsEnforcedFilePermissionsFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Write_FileAndDirectoryChmodReadOnly_ThrowsInvalidReadOnly()
    {
        using (var writable = _temp.Open())
        {
            await writable.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        }

        File.SetUnixFileMode(_temp.Path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(Path.GetDirectoryName(_temp.Path)!, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var ex = await Assert.ThrowsAnyAsync<IssueStoreException>(async () =>
        {
            using var store = _temp.Open();
            await store.AddCommentAsync(1, "hello", CancellationToken.None);
        });

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Contains("use --store to pick a writable path", ex.Message, StringComparison.Ordinal);
    }
}
