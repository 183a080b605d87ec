using BusinessOps.Core.Ports;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Contract;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.LocalStore.Tests;

/// <summary>The <see cref="IIssueStore"/> contract on the test kit's in-memory store, so unit tests built on it are honest.</summary>
public sealed class InMemoryIssueStoreContractTests : IssueStoreContract
{
    protected override Task<IIssueStore> CreateStoreAsync() => Task.FromResult<IIssueStore>(new InMemoryIssueStore(new FakeTimeProvider(TestKit.Some.Epoch)));
}
