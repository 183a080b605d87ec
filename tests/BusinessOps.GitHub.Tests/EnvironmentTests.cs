using BusinessOps.TestKit.GitHub;

namespace BusinessOps.GitHub.Tests;

public sealed class EnvironmentTests
{
    [Fact]
    public void TryFromEnvironment_Token_BuildsStore()
    {
        var env = new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = "acme/ops", ["GITHUB_TOKEN"] = "ghp_abcdef123456", ["GITHUB_API_URL"] = "https://ghe.example.com/api/v3" };

        Assert.True(GitHubIssueStore.TryFromEnvironment(env, TimeProvider.System, out var store, out var error), error);
        using (store)
        {
            Assert.Equal("acme/ops", store!.Location);
            Assert.Equal("https://ghe.example.com/api/v3/", store.BaseAddress.AbsoluteUri);
        }
    }

    [Fact]
    public void TryFromEnvironment_App_PreferredOverToken()
    {
        var (pem, _) = FakeGitHubServer.CreateAppKeyPair();
        var env = new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = "acme/ops", ["GITHUB_TOKEN"] = "ghp_x", ["GITHUB_APP_ID"] = "12", ["GITHUB_APP_INSTALLATION_ID"] = "34", ["GITHUB_APP_PRIVATE_KEY"] = pem.Replace("\n", "\\n", StringComparison.Ordinal) };

        Assert.True(GitHubOptions.TryFromEnvironment(env, out var options, out var error), error);
        Assert.Null(options!.Token);
        Assert.Equal(12, options.App!.AppId);
        Assert.DoesNotContain("PRIVATE", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", options.App.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ghp_x", null, null, "GITHUB_REPOSITORY is not set")]
    [InlineData("acme", "ghp_x", null, null, "OWNER/NAME")]
    [InlineData("acme/ops", null, null, null, "No GitHub credentials")]
    [InlineData("acme/ops", null, "12", null, "half-configured: set GITHUB_APP_INSTALLATION_ID, GITHUB_APP_PRIVATE_KEY")]
    [InlineData("acme/ops", null, null, "34", "half-configured: set GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY")]
    public void TryFromEnvironment_Incomplete_ClearError(string? repo, string? token, string? appId, string? installation, string expected)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = repo, ["GITHUB_TOKEN"] = token, ["GITHUB_APP_ID"] = appId, ["GITHUB_APP_INSTALLATION_ID"] = installation };

        Assert.False(GitHubIssueStore.TryFromEnvironment(env, TimeProvider.System, out var store, out var error));
        Assert.Null(store);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
