using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Errors;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>Issue and repository labels.</summary>
internal sealed partial class GitHubApi
{
    /// <summary>
    /// Adds labels (GitHub creates unknown repository labels). Idempotent, so it may be retried. The body is ours:
    /// Octokit's <c>AddToIssue</c> sends a bare array, which GitHub tolerates but its description does not (it specifies
    /// <c>{"labels": [...]}</c>).
    /// </summary>
    public Task<IReadOnlyList<Label>> AddLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).Post<IReadOnlyList<Label>>(ApiUrls.IssueLabels(_options.Owner, _options.Repository, number), new LabelsToAdd(labels), cancellationToken), IssuePath(number, "POST") + "/labels", cancellationToken);

    /// <summary>
    /// Removes a label; a 404 means it is already gone, which is the goal. Ours (on Octokit's connection and URL helper):
    /// Octokit's <c>RemoveFromIssue</c> puts the name into the path unescaped (<c>status/queued</c> would become two
    /// segments) and sends a <c>{}</c> body with the DELETE, which GitHub's description does not allow.
    /// </summary>
    public async Task RemoveLabelAsync(int number, string label, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(() => new ApiConnection(_client.Connection).Delete(ApiUrls.IssueLabel(_options.Owner, _options.Repository, number, Uri.EscapeDataString(label))), IssuePath(number, "DELETE") + "/labels/" + Uri.EscapeDataString(label), cancellationToken);
        }
        catch (GitHubNotFoundException)
        {
            // Already removed (or never there): converged.
        }
    }

    public Task<IReadOnlyList<Label>> ListRepoLabelsAsync(CancellationToken cancellationToken) =>
        RunAsync(() => _client.Issue.Labels.GetAllForRepository(_options.Owner, _options.Repository, AllPages), "GET /repos/" + Repository + "/labels", cancellationToken);

    public Task<Label> CreateRepoLabelAsync(LabelDefinition label, CancellationToken cancellationToken) =>
        RunAsync(() => _client.Issue.Labels.Create(_options.Owner, _options.Repository, new NewLabel(label.Name, label.Color.TrimStart('#')) { Description = label.Description }), "POST /repos/" + Repository + "/labels", cancellationToken);

    /// <summary>
    /// Ours, not Octokit's <c>Labels.Update</c>: that sends POST (GitHub's endpoint is PATCH), puts the name into the path
    /// unescaped, and sends <c>name</c> where GitHub reads <c>new_name</c>.
    /// </summary>
    public Task<Label> UpdateRepoLabelAsync(LabelDefinition label, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).Patch<Label>(ApiUrls.Label(_options.Owner, _options.Repository, Uri.EscapeDataString(label.Name)), new LabelPatch(label.Color.TrimStart('#'), label.Description)), "PATCH /repos/" + Repository + "/labels/" + label.Name, cancellationToken);
}
