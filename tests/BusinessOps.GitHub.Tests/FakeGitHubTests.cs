using System.Net;
using System.Net.Http.Headers;
using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.GitHub.Tests;

/// <summary>The fake behaves as GitHub does where the store's figures depend on it.</summary>
public sealed class FakeGitHubTests
{
    [Fact]
    public async Task Etag_FromAnotherToken_NeverNotModified()
    {
        await using var server = await FakeGitHubServer.StartAsync(new AutoAdvanceClock());
        server.SeedIssues(3);
        var jobToken = server.NewJobToken();

        var (first, etag) = await GetAsync(server, server.Token, null);
        var (sameToken, _) = await GetAsync(server, server.Token, etag);
        var (otherToken, otherEtag) = await GetAsync(server, jobToken, etag);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.NotModified, sameToken);
        Assert.Equal(HttpStatusCode.OK, otherToken);
        Assert.NotEqual(etag, otherEtag);
    }

    private static async Task<(HttpStatusCode Status, string? ETag)> GetAsync(FakeGitHubServer server, string token, string? ifNoneMatch)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{server.Owner}/{server.Repository}/issues?state=all&per_page=100");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Headers.ETag?.ToString());
    }
}
