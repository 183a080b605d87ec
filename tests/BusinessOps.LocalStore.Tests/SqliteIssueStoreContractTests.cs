using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Contract;

namespace BusinessOps.LocalStore.Tests;

/// <summary>The <see cref="IIssueStore"/> contract on the embedded SQLite store.</summary>
public sealed class SqliteIssueStoreContractTests : IssueStoreContract, IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    protected override Task<IIssueStore> CreateStoreAsync() => Task.FromResult<IIssueStore>(_temp.Open());
}
