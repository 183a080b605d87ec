using System.Globalization;
using System.Text;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// Every REST path the client uses, relative to the API base (which ends with '/'). Each variable segment
/// (owner, repository, label, login) is escaped, so a label such as <c>status/queued</c> stays one segment.
/// </summary>
internal sealed class ApiUrls(string owner, string repository)
{
    private readonly string _repo = "repos/" + Esc(owner) + "/" + Esc(repository);

    public const string User = "user";
    public const string App = "app";

    public static string InstallationToken(long installationId) => "app/installations/" + installationId.ToString(CultureInfo.InvariantCulture) + "/access_tokens";

    /// <summary>The repository's issues (and pull requests), newest-updated first.</summary>
    public string Issues(string state, string? labels = null, DateTimeOffset? since = null, string sort = "updated", string direction = "desc")
    {
        var sb = new StringBuilder(_repo).Append("/issues?state=").Append(Esc(state));
        if (!string.IsNullOrEmpty(labels))
        {
            sb.Append("&labels=").Append(Esc(labels));
        }

        sb.Append("&sort=").Append(Esc(sort)).Append("&direction=").Append(Esc(direction));
        if (since is { } s)
        {
            sb.Append("&since=").Append(Esc(Iso(s)));
        }

        return sb.Append("&per_page=100").ToString();
    }

    public string CreateIssue() => _repo + "/issues";

    public string Issue(int number) => _repo + "/issues/" + N(number);

    public string Comments(int number, DateTimeOffset? since = null) =>
        _repo + "/issues/" + N(number) + "/comments?" + (since is { } s ? "since=" + Esc(Iso(s)) + "&" : string.Empty) + "per_page=100";

    /// <summary>Every issue comment of the repository, most recently updated first.</summary>
    public string RepoComments() => _repo + "/issues/comments?sort=updated&direction=desc&per_page=100";

    public string CreateComment(int number) => _repo + "/issues/" + N(number) + "/comments";

    public string Comment(long commentId) => _repo + "/issues/comments/" + commentId.ToString(CultureInfo.InvariantCulture);

    public string CommentReactions(long commentId) => Comment(commentId) + "/reactions";

    public string IssueLabels(int number) => _repo + "/issues/" + N(number) + "/labels";

    public string IssueLabel(int number, string label) => IssueLabels(number) + "/" + Esc(label);

    public string RepoLabels() => _repo + "/labels?per_page=100";

    public string CreateRepoLabel() => _repo + "/labels";

    public string RepoLabel(string name) => _repo + "/labels/" + Esc(name);

    /// <summary><c>orgs/{org}/teams/{slug}/members</c>, first page of 100 (followed by Link pagination).</summary>
    public static string TeamMembers(string org, string slug) => "orgs/" + Esc(org) + "/teams/" + Esc(slug) + "/members?per_page=100";

    public string CollaboratorPermission(string login) => _repo + "/collaborators/" + Esc(login) + "/permission";

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
