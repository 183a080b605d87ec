using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.GitHub.Errors;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>
/// The operations dashboard's requests: one PATCH of an issue's title and body, and its pin through GraphQL (REST has no
/// pins). GraphQL goes through the same Octokit connection, credentials and pacing as everything else; the queries alias
/// fields to snake_case so Octokit's reader maps them.
/// </summary>
internal sealed partial class GitHubApi
{
    private const string PinLookup = "query($owner:String!,$name:String!,$number:Int!){repository(owner:$owner,name:$name){issue(number:$number){node_id:id is_pinned:isPinned}}}";
    private const string PinMutation = "mutation($id:ID!){pin_issue:pinIssue(input:{issueId:$id}){issue{node_id:id is_pinned:isPinned}}}";

    public Task<Issue> ReplaceIssueTextAsync(int number, string title, string body, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).Patch<Issue>(ApiUrls.Issue(_options.Owner, _options.Repository, number), new IssueTextPatch(title, CommentBodies.Bound(body))), IssuePath(number, "PATCH"), cancellationToken);

    /// <summary>The issue's node id and whether it is pinned; null when GraphQL does not know the issue.</summary>
    public async Task<PinnedIssue?> GetPinAsync(int number, CancellationToken cancellationToken)
    {
        var variables = new JsonObject { ["owner"] = _options.Owner, ["name"] = _options.Repository, ["number"] = number };
        return (await GraphQlAsync(PinLookup, variables, "issue #" + number.ToString(CultureInfo.InvariantCulture) + " pin", cancellationToken))?.Repository?.Issue;
    }

    public async Task PinAsync(string nodeId, CancellationToken cancellationToken) =>
        await GraphQlAsync(PinMutation, new JsonObject { ["id"] = nodeId }, "pin issue", cancellationToken);

    private async Task<PinAnswer?> GraphQlAsync(string query, JsonObject variables, string what, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(JsonSerializerOptions.Default);
        var answer = await RunAsync(() => _client.Connection.Post<GraphQlAnswer<PinAnswer>>(GraphQlUri(), body, "application/json", "application/json", parameters: null, cancellationToken), "POST graphql (" + what + ")", cancellationToken);
        if (answer.Body?.Errors is [var first, ..])
        {
            throw new GitHubValidationException($"GitHub GraphQL refused the {what}: {first.Message}", System.Net.HttpStatusCode.UnprocessableEntity);
        }

        return answer.Body?.Data;
    }

    /// <summary><c>…/graphql</c> beside the REST base: <c>https://api.github.com/graphql</c>, or <c>https://HOST/api/graphql</c> on Enterprise Server.</summary>
    private Uri GraphQlUri()
    {
        var rest = Transport.BaseAddress.AbsoluteUri;
        return rest.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase)
            ? new Uri(rest[..^"v3/".Length] + "graphql")
            : new Uri(Transport.BaseAddress, "graphql");
    }
}
