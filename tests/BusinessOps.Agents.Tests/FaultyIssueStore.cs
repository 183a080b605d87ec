using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit;

namespace BusinessOps.Agents.Tests;

/// <summary>An in-memory store whose chosen operations fail, to exercise the host's failure paths.</summary>
internal sealed class FaultyIssueStore(InMemoryIssueStore inner) : IIssueStore
{
    public Func<Exception>? OnGet { get; init; }

    public Func<Exception>? OnList { get; init; }

    public Func<Exception>? OnComment { get; init; }

    public string Identity => inner.Identity;

    public string Location => "faulty";

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken) =>
        OnList is null ? inner.ListIssuesAsync(query, cancellationToken) : throw OnList();

    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) =>
        OnGet is null ? inner.GetIssueAsync(number, cancellationToken) : throw OnGet();

    public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken) => inner.CreateIssueAsync(issue, cancellationToken);

    public Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken) =>
        OnComment is null ? inner.AddCommentAsync(number, body, cancellationToken) : throw OnComment();

    public Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken) => inner.UpdateCommentAsync(number, commentId, body, cancellationToken);

    public Task<IssueComment?> TryUpdateCommentAsync(int number, IssueComment expected, string body, CancellationToken cancellationToken) => inner.TryUpdateCommentAsync(number, expected, body, cancellationToken);

    public Task<IssueComment?> TryAddUniqueCommentAsync(int number, string marker, string body, CancellationToken cancellationToken) => inner.TryAddUniqueCommentAsync(number, marker, body, cancellationToken);

    public Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken) => inner.UpdateLabelsAsync(number, add, remove, cancellationToken);

    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken) => inner.SetStateAsync(number, state, cancellationToken);

    public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken) => inner.GetPermissionAsync(login, cancellationToken);

    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken) => inner.AddReactionAsync(number, commentId, reaction, cancellationToken);

    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) => inner.ListLabelsAsync(cancellationToken);

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken) => inner.UpsertLabelAsync(label, cancellationToken);
}
