using BusinessOps.GitHub.Api;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>The permission a 403 names when GitHub sends no <c>x-accepted-github-permissions</c>: the one its documentation gives the endpoint.</summary>
public sealed class PermissionNamesTests
{
    [Theory]
    [InlineData("POST /repos/acme/ops/git/trees", "contents: write")]
    [InlineData("GET /repos/acme/ops/git/ref/heads/adr/7", "contents: read")]
    [InlineData("POST /repos/acme/ops/pulls", "pull_requests: write")]
    [InlineData("GET /repos/acme/ops/pulls/12", "pull_requests: read")]
    [InlineData("POST /repos/acme/ops/deployments/5/statuses", "deployments: write")]
    [InlineData("POST /repos/acme/ops/statuses/6dcb09b", "statuses: write")]
    [InlineData("POST /repos/acme/ops/issues/12/sub_issues", "issues: write")]
    [InlineData("GET /repos/acme/ops/collaborators/mia/permission", "metadata: read")]
    public void Permission_NoHeader_InferredFromTheEndpoint(string what, string expected) => Assert.Equal(expected, OctokitErrors.Permission(null, what));

    [Fact]
    public void Permission_Header_WinsOverInference() => Assert.Equal("contents: write", OctokitErrors.Permission("contents=write", "POST /repos/acme/ops/pulls"));
}
