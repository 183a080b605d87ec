using BusinessOps.Automation.Clients;

namespace BusinessOps.Automation.Tests.Clients;

public sealed class ClientScopeTests
{
    [Theory]
    [InlineData("acme", new[] { "client/acme", "marketing/content" }, true)]
    [InlineData("acme", new[] { "client/ACME" }, true)]
    [InlineData("acme", new[] { "client/globex" }, false)]
    [InlineData("acme", new[] { "client/acme", "client/globex" }, false)]
    [InlineData("acme", new[] { "marketing/content" }, false)]
    [InlineData(null, new[] { "marketing/content" }, true)]
    [InlineData(null, new[] { "client/acme" }, false)]
    public void Allows_OnlyTheSameSingleClient(string? client, string[] labels, bool allowed) =>
        Assert.Equal(allowed, ClientScope.Allows(client, labels));

    [Fact]
    public void Refusal_NamesBothClients() =>
        Assert.Equal("this issue belongs to client 'acme' and cannot read client 'globex' data; a client's work only ever sees its own client's data", ClientScope.Refusal("acme", "globex"));
}
