using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Http;
using BusinessOps.GitHub.Json;

namespace BusinessOps.GitHub.Client;

/// <summary>The typed endpoints this product uses, each one call on <see cref="GitHubConnection"/>. Nothing else.</summary>
internal sealed class GitHubClient(GitHubConnection connection)
{
    private static readonly GitHubJson Json = GitHubJson.Default;

    public ApiUrls Urls { get; } = new(connection.Options.Owner, connection.Options.Repository);

    public GitHubConnection Connection => connection;

    /// <summary>One page of the issues list (pull requests included; callers skip them). The response carries the next link.</summary>
    public async Task<(List<IssueDto> Issues, GitHubResponse Response)> ListIssuesPageAsync(string url, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new GitHubRequest(HttpMethod.Get, url), cancellationToken);
        return (connection.Parse(response, Json.ListIssueDto, "the issues list"), response);
    }

    /// <summary>One page of the repository-wide comment list (most recently updated first).</summary>
    public async Task<(List<CommentDto> Comments, GitHubResponse Response)> ListRepoCommentsPageAsync(string url, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new GitHubRequest(HttpMethod.Get, url), cancellationToken);
        return (connection.Parse(response, Json.ListCommentDto, "the repository's comments"), response);
    }

    public Task<IssueDto> GetIssueAsync(int number, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Urls.Issue(number), Json.IssueDto, cancellationToken);

    public Task<List<CommentDto>> ListCommentsAsync(int number, DateTimeOffset? since, CancellationToken cancellationToken) =>
        GetAllPagesAsync(Urls.Comments(number, since), Json.ListCommentDto, cancellationToken);

    /// <summary>
    /// Posts a comment. A POST is never blindly repeated: when it fails without a clear answer, recent comments are
    /// searched for this exact body (it normally carries a hidden marker) before posting once more.
    /// </summary>
    public async Task<CommentDto> CreateCommentAsync(int number, string body, CancellationToken cancellationToken)
    {
        var bounded = CommentBodies.Bound(body);
        var request = new GitHubRequest(HttpMethod.Post, Urls.CreateComment(number), Serialize(new CommentBody(bounded), Json.CommentBody));
        try
        {
            return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.CommentDto, "the new comment");
        }
        catch (GitHubTransientException)
        {
            var existing = await FindRecentCommentAsync(number, bounded, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.CommentDto, "the new comment");
        }
    }

    public async Task<CommentDto> UpdateCommentAsync(long commentId, string body, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(HttpMethod.Patch, Urls.Comment(commentId), Serialize(new CommentBody(CommentBodies.Bound(body)), Json.CommentBody));
        return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.CommentDto, "the updated comment");
    }

    /// <summary>Adds labels (GitHub creates unknown repository labels). Idempotent, so it may be retried.</summary>
    public async Task<List<LabelDto>> AddLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(HttpMethod.Post, Urls.IssueLabels(number), Serialize(new LabelsBody(labels), Json.LabelsBody)) { Idempotent = true };
        return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.ListLabelDto, "the issue's labels");
    }

    /// <summary>Removes a label; a 404 means it is already gone, which is the goal.</summary>
    public async Task RemoveLabelAsync(int number, string label, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync(new GitHubRequest(HttpMethod.Delete, Urls.IssueLabel(number, label)), cancellationToken);
        }
        catch (GitHubNotFoundException)
        {
            // Already removed (or never there): converged.
        }
    }

    public async Task<List<LabelDto>> ReplaceLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(HttpMethod.Put, Urls.IssueLabels(number), Serialize(new LabelsBody(labels), Json.LabelsBody));
        return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.ListLabelDto, "the issue's labels");
    }

    public Task<List<LabelDto>> ListRepoLabelsAsync(CancellationToken cancellationToken) =>
        GetAllPagesAsync(Urls.RepoLabels(), Json.ListLabelDto, cancellationToken);

    public async Task<LabelDto> CreateRepoLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(HttpMethod.Post, Urls.CreateRepoLabel(), Serialize(new NewLabelBody(label.Name, label.Color.TrimStart('#'), label.Description), Json.NewLabelBody));
        return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.LabelDto, "the new label");
    }

    public async Task<LabelDto> UpdateRepoLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(HttpMethod.Patch, Urls.RepoLabel(label.Name), Serialize(new LabelPatchBody(label.Color.TrimStart('#'), label.Description), Json.LabelPatchBody));
        return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.LabelDto, "the updated label");
    }

    public async Task<IssueDto> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(HttpMethod.Post, Urls.CreateIssue(), Serialize(new NewIssueBody(title, CommentBodies.Bound(body), labels), Json.NewIssueBody));
        return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.IssueDto, "the new issue");
    }

    /// <summary>Closes or reopens (<paramref name="state"/> is <c>open</c> or <c>closed</c>).</summary>
    public async Task<IssueDto> SetIssueStateAsync(int number, string state, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(HttpMethod.Patch, Urls.Issue(number), Serialize(new IssueStateBody(state), Json.IssueStateBody));
        return connection.Parse(await connection.SendAsync(request, cancellationToken), Json.IssueDto, "the issue");
    }

    /// <summary>The user's permission, or null when GitHub says they are not a collaborator (404).</summary>
    public async Task<PermissionDto?> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.GetJsonAsync(Urls.CollaboratorPermission(login), Json.PermissionDto, cancellationToken);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A team's members, or null when the token may not read the team (404/403): then it matches nobody.</summary>
    public async Task<List<UserDto>?> ListTeamMembersAsync(string org, string slug, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAllPagesAsync(ApiUrls.TeamMembers(org, slug), Json.ListUserDto, cancellationToken);
        }
        catch (Exception ex) when (ex is GitHubNotFoundException or GitHubUnauthorizedException)
        {
            return null;
        }
    }

    /// <summary>Adds a reaction to an issue comment; GitHub answers 200 for one that already exists, so it is idempotent.</summary>
    public Task AddReactionAsync(long commentId, string content, CancellationToken cancellationToken) =>
        connection.SendAsync(new GitHubRequest(HttpMethod.Post, Urls.CommentReactions(commentId), Serialize(new ReactionBody(content), Json.ReactionBody)) { Idempotent = true }, cancellationToken);

    public Task<UserDto> GetAuthenticatedUserAsync(CancellationToken cancellationToken) =>
        connection.GetJsonAsync(ApiUrls.User, Json.UserDto, cancellationToken);

    public async Task<AppDto> GetAppAsync(CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new GitHubRequest(HttpMethod.Get, ApiUrls.App) { UseAppJwt = true, Conditional = false }, cancellationToken);

        // GitHub's description allows a null body here; the caller then falls back to a configured slug or the app id.
        return response.Body.AsSpan().Trim(" \r\n\t"u8).SequenceEqual("null"u8) ? new AppDto(null, null) : connection.Parse(response, Json.AppDto, "GET /app");
    }

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private async Task<List<T>> GetAllPagesAsync<T>(string url, JsonTypeInfo<List<T>> type, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var next = url;
        while (next is not null)
        {
            var response = await connection.SendAsync(new GitHubRequest(HttpMethod.Get, next), cancellationToken);
            all.AddRange(connection.Parse(response, type, "a list page"));
            next = response.Next?.AbsoluteUri;
        }

        return all;
    }

    private async Task<CommentDto?> FindRecentCommentAsync(int number, string body, CancellationToken cancellationToken)
    {
        // Newest comments are on the last page: read the first page, then the last one if there are more.
        var first = await connection.SendAsync(new GitHubRequest(HttpMethod.Get, Urls.Comments(number)) { Conditional = false }, cancellationToken);
        var comments = connection.Parse(first, Json.ListCommentDto, "the comments");
        if (first.Links.GetValueOrDefault("last") is { } last)
        {
            var lastPage = await connection.SendAsync(new GitHubRequest(HttpMethod.Get, last.AbsoluteUri) { Conditional = false }, cancellationToken);
            comments.AddRange(connection.Parse(lastPage, Json.ListCommentDto, "the comments"));
        }

        return comments.LastOrDefault(c => string.Equals(c.Body, body, StringComparison.Ordinal));
    }
}
