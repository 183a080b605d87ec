using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Auth;
using BusinessOps.GitHub.Tests.Support;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.GitHub.Tests;

public sealed class AppAuthTests
{
    [Fact]
    public void Jwt_SignedRs256_VerifiesWithPublicKey_AndCarriesIssuerAndTimes()
    {
        var (privatePem, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        var jwt = GitHubAppJwt.Create(12345, privatePem, now);

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicPem);
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("12345", payload.RootElement.GetProperty("iss").GetString());
        Assert.Equal(now.AddSeconds(-60).ToUnixTimeSeconds(), payload.RootElement.GetProperty("iat").GetInt64());
        Assert.Equal(now.AddMinutes(9).ToUnixTimeSeconds(), payload.RootElement.GetProperty("exp").GetInt64());
    }

    [Fact]
    public void Jwt_BadPem_ClearErrorWithoutKeyText()
    {
        var ex = Assert.Throws<ArgumentException>(() => GitHubAppJwt.Create(1, "-----BEGIN RSA PRIVATE KEY-----\nnot-a-key\n-----END RSA PRIVATE KEY-----", DateTimeOffset.UnixEpoch));

        Assert.Contains("PEM", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppCredentials_InstallationTokenUsedCachedAndRefreshedBeforeExpiry()
    {
        await using var h = await Harness.StartAsync();
        var (privatePem, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        h.Server.App = (777, publicPem);
        h.Server.SeedIssues(2);
        var store = h.Store(h.Options() with { Token = null, App = new GitHubAppCredentials(777, 42, privatePem) });

        await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        await store.GetPermissionAsync("x", CancellationToken.None);
        Assert.Equal(1, h.Server.InstallationTokensIssued);
        h.Clock.Advance(TimeSpan.FromMinutes(56));
        await store.GetPermissionAsync("y", CancellationToken.None);

        Assert.Equal(2, h.Server.InstallationTokensIssued);
        Assert.Equal("businessops[bot]", await store.ResolveIdentityAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AppCredentials_InstallationTokenNarrowedToRepositoryAndPermissionsUsed()
    {
        await using var h = await Harness.StartAsync();
        var (privatePem, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        h.Server.App = (777, publicPem);
        var n = h.Server.SeedIssue("Ops");
        h.Server.SetPermission("mia", "write");
        var store = h.Store(h.Options() with { Token = null, App = new GitHubAppCredentials(777, 42, privatePem) });

        await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        await store.AddCommentAsync(n, "hello", CancellationToken.None);
        await store.UpdateLabelsAsync(n, ["status/queued"], [], CancellationToken.None);
        Assert.Equal(RepositoryPermission.Write, await store.GetPermissionAsync("mia", CancellationToken.None));

        var token = Assert.Single(h.Server.InstallationTokens);
        Assert.Equal("42", token.Installation);
        Assert.Equal(["ops"], token.Repositories);
        Assert.Equal(new Dictionary<string, string> { ["issues"] = "write", ["metadata"] = "read" }, token.Permissions);
    }

    [Fact]
    public async Task AppCredentials_TeamLookup_UsesItsOwnMembersReadToken()
    {
        await using var h = await Harness.StartAsync();
        var (privatePem, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        h.Server.App = (777, publicPem);
        h.Server.SeedTeam("acme/finance", "fiona");
        var store = h.Store(h.Options() with { Token = null, App = new GitHubAppCredentials(777, 42, privatePem) });

        await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        Assert.Single(h.Server.InstallationTokens);
        var members = await store.GetTeamMembersAsync("acme/finance", CancellationToken.None);

        Assert.Equal(["fiona"], members);
        Assert.Equal(2, h.Server.InstallationTokens.Count);
        Assert.Equal(new Dictionary<string, string> { ["members"] = "read" }, h.Server.InstallationTokens[1].Permissions);
        Assert.DoesNotContain("members", h.Server.InstallationTokens[0].Permissions.Keys);
    }

    [Fact]
    public async Task AppCredentials_AppWithoutMembersRead_TeamMatchesNobodyAndTheRestWorks()
    {
        await using var h = await Harness.StartAsync();
        var (privatePem, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        h.Server.App = (777, publicPem);
        h.Server.AppPermissions.Remove("members");
        h.Server.SeedTeam("acme/finance", "fiona");
        var n = h.Server.SeedIssue("Ops");
        var store = h.Store(h.Options() with { Token = null, App = new GitHubAppCredentials(777, 42, privatePem) });

        var members = await store.GetTeamMembersAsync("acme/finance", CancellationToken.None);
        await store.AddCommentAsync(n, "still fine", CancellationToken.None);

        Assert.Null(members);
        Assert.Single(h.Server.GetIssue(n)!.Comments);
    }

    [Fact]
    public async Task AppCredentials_WrongKey_Unauthorized()
    {
        await using var h = await Harness.StartAsync();
        var (_, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        var (otherPrivate, _) = FakeGitHubServer.CreateAppKeyPair();
        h.Server.App = (777, publicPem);

        var ex = await Assert.ThrowsAsync<Errors.GitHubUnauthorizedException>(() => h.Store(h.Options() with { Token = null, App = new GitHubAppCredentials(777, 42, otherPrivate) }).ListIssuesAsync(IssueQuery.Open, CancellationToken.None));

        Assert.DoesNotContain("eyJ", ex.Message, StringComparison.Ordinal);
    }
}
