using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Scrubbing;

/// <summary>
/// The one place every write of the coordinator passes through: titles, bodies, comments and label descriptions are
/// <see cref="StoreText.Scrub"/>bed (secrets masked, whole text neutralised) before they reach the store behind it.
/// Label names and reactions are identifiers the store validates; they pass unchanged. Reads pass through untouched.
/// Use <see cref="Wrap"/>: it keeps the optional <see cref="ITeamDirectory"/> port of the store it wraps. Disposing it
/// disposes the store it wraps.
/// </summary>
public class ScrubbingIssueStore : IIssueStore, IDisposable
{
    private readonly SecretMasker _masker;

    /// <summary>Wraps <paramref name="inner"/>; prefer <see cref="Wrap"/>, which keeps a team directory visible.</summary>
    protected ScrubbingIssueStore(IIssueStore inner, SecretMasker masker)
    {
        Inner = inner;
        _masker = masker;
    }

    /// <summary>The store written to, for the reads only one kind of store offers (a GitHub event's conditional read).</summary>
    public IIssueStore Inner { get; }

    public string Identity => Inner.Identity;

    public string Location => Inner.Location;

    /// <summary>A scrubbing store over <paramref name="inner"/> (itself if it already is one).</summary>
    public static ScrubbingIssueStore Wrap(IIssueStore inner, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(masker);
        return inner switch
        {
            ScrubbingIssueStore already => already,
            ITeamDirectory => new WithTeams(inner, masker),
            _ => new ScrubbingIssueStore(inner, masker),
        };
    }

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken) => Inner.ListIssuesAsync(query, cancellationToken);

    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) => Inner.GetIssueAsync(number, cancellationToken);

    public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return Inner.CreateIssueAsync(issue with { Title = Scrub(issue.Title), Body = Scrub(issue.Body) }, cancellationToken);
    }

    public Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken) =>
        Inner.AddCommentAsync(number, Scrub(body), cancellationToken);

    public async Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken)
    {
        var scrubbed = Scrub(body);
        if (!string.Equals(scrubbed, body, StringComparison.Ordinal))
        {
            // The caller compared its unscrubbed text with the stored, scrubbed one and saw a change that is not there.
            // One read settles it, so a body carrying a secret is not rewritten on every pass.
            var current = await Inner.GetIssueAsync(number, cancellationToken);
            if (current?.Comments.FirstOrDefault(c => c.Id == commentId) is { } stored && string.Equals(stored.Body, scrubbed, StringComparison.Ordinal))
            {
                return stored;
            }
        }

        return await Inner.UpdateCommentAsync(number, commentId, scrubbed, cancellationToken);
    }

    public Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken) =>
        Inner.UpdateLabelsAsync(number, add, remove, cancellationToken);

    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken) => Inner.SetStateAsync(number, state, cancellationToken);

    public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken) => Inner.GetPermissionAsync(login, cancellationToken);

    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken) =>
        Inner.AddReactionAsync(number, commentId, reaction, cancellationToken);

    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) => Inner.ListLabelsAsync(cancellationToken);

    /// <summary>Every comment scrubbed, then the batch to the store behind as one (an edit that scrubbing makes a no-op is left out, as in <see cref="UpdateCommentAsync"/>).</summary>
    public async Task<int> WriteIssueAsync(int number, IReadOnlyList<IssueWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var scrubbed = new List<IssueWrite>(writes.Count);
        IssueSnapshot? current = null;
        foreach (var write in writes)
        {
            if (write is not CommentWrite comment)
            {
                scrubbed.Add(write);
                continue;
            }

            var body = Scrub(comment.Body);
            if (comment.CommentId is { } id && !string.Equals(body, comment.Body, StringComparison.Ordinal))
            {
                current ??= await Inner.GetIssueAsync(number, cancellationToken);
                if (current?.Comments.FirstOrDefault(c => c.Id == id) is { } stored && string.Equals(stored.Body, body, StringComparison.Ordinal))
                {
                    continue;
                }
            }

            scrubbed.Add(comment with { Body = body });
        }

        return await Inner.WriteIssueAsync(number, scrubbed, cancellationToken);
    }

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        return Inner.UpsertLabelAsync(label with { Description = Scrub(label.Description) }, cancellationToken);
    }

    public void Dispose()
    {
        (Inner as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What this store would store for <paramref name="text"/>; callers that compare before writing compare with this.</summary>
    public string Scrub(string? text) => StoreText.Scrub(text, _masker);

    /// <summary>The same, for a store that also reads team memberships (GitHub).</summary>
    private sealed class WithTeams(IIssueStore inner, SecretMasker masker) : ScrubbingIssueStore(inner, masker), ITeamDirectory
    {
        public Task<IReadOnlyList<string>?> GetTeamMembersAsync(string team, CancellationToken cancellationToken) =>
            ((ITeamDirectory)Inner).GetTeamMembersAsync(team, cancellationToken);
    }
}
