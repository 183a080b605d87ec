using BusinessOps.Core;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.TestKit;

/// <summary>
/// A thread-safe in-memory <see cref="IIssueStore"/> for unit tests, with a clock for timestamps,
/// per-call write counting, and collaborator permissions. Not a mock: it behaves like a tiny store.
/// </summary>
public sealed class InMemoryIssueStore(TimeProvider clock, string identity = BotIdentity.Login) : IIssueStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, IssueSnapshot> _issues = [];
    private readonly Dictionary<string, RepositoryPermission> _permissions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LabelDefinition> _labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(long CommentId, string Reaction)> _reactions = [];
    private long _nextCommentId = 1000;

    public string Identity { get; } = identity;

    public string Location => "memory";

    /// <summary>Login used for comments and issues written through this store (defaults to <see cref="Identity"/>).</summary>
    public string Actor { get; set; } = identity;

    /// <summary>Number of write calls so far (create, comment, update, labels, state, reaction, label upsert).</summary>
    public int Writes { get; private set; }

    /// <summary>Number of read calls so far.</summary>
    public int Reads { get; private set; }

    public IReadOnlyList<(long CommentId, string Reaction)> Reactions
    {
        get
        {
            lock (_gate)
            {
                return [.. _reactions];
            }
        }
    }

    public void SetPermission(string login, RepositoryPermission permission)
    {
        lock (_gate)
        {
            _permissions[login] = permission;
        }
    }

    /// <summary>Adds a comment as <paramref name="author"/> at the clock's current time (how tests simulate people).</summary>
    public IssueComment AddCommentAs(int number, string author, string body, bool isBot = false)
    {
        lock (_gate)
        {
            var issue = Require(number);
            var now = clock.GetUtcNow();
            var comment = new IssueComment(++_nextCommentId, author, body, now, now, isBot);
            _issues[number] = issue with { Comments = [.. issue.Comments, comment], UpdatedAt = now };
            return comment;
        }
    }

    /// <summary>The author edits the issue's title or body (GitHub allows it at any time).</summary>
    public void EditIssue(int number, string? title = null, string? body = null)
    {
        lock (_gate)
        {
            var issue = Require(number);
            _issues[number] = issue with { Title = title ?? issue.Title, Body = body ?? issue.Body, UpdatedAt = clock.GetUtcNow() };
        }
    }

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reads++;
            IReadOnlyList<IssueSnapshot> list = [.. _issues.Values.Where(i =>
                (query.State == IssueStateFilter.All || (query.State == IssueStateFilter.Open) == (i.State == IssueState.Open))
                && (query.Since is null || i.UpdatedAt >= query.Since)
                && (query.Labels is null || query.Labels.All(i.HasLabel)))];
            return Task.FromResult(list);
        }
    }

    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reads++;
            return Task.FromResult(_issues.GetValueOrDefault(number));
        }
    }

    public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
            var now = clock.GetUtcNow();
            var number = _issues.Count == 0 ? 1 : _issues.Keys.Max() + 1;
            var snapshot = new IssueSnapshot(number, issue.Title, issue.Body, IssueState.Open, [.. issue.Labels.Distinct(StringComparer.OrdinalIgnoreCase)], Actor, now, now, []);
            _issues[number] = snapshot;
            return Task.FromResult(snapshot);
        }
    }

    public Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
        }

        return Task.FromResult(AddCommentAs(number, Actor, body, isBot: Actor.EndsWith("[bot]", StringComparison.Ordinal)));
    }

    public Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
            var issue = Require(number);
            var existing = issue.Comments.FirstOrDefault(c => c.Id == commentId)
                ?? throw new IssueStoreException(StoreErrorKind.NotFound, $"Comment {commentId} on issue #{number} does not exist (deleted?).");
            var updated = existing with { Body = body, UpdatedAt = clock.GetUtcNow() };
            _issues[number] = issue with { Comments = [.. issue.Comments.Select(c => c.Id == commentId ? updated : c)], UpdatedAt = updated.UpdatedAt };
            return Task.FromResult(updated);
        }
    }

    public Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
            var issue = Require(number);
            var labels = issue.Labels.Where(l => !remove.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
            labels.AddRange(add.Where(a => !labels.Contains(a, StringComparer.OrdinalIgnoreCase)));
            _issues[number] = issue with { Labels = labels, UpdatedAt = clock.GetUtcNow() };
            return Task.CompletedTask;
        }
    }

    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
            _issues[number] = Require(number) with { State = state, UpdatedAt = clock.GetUtcNow() };
            return Task.CompletedTask;
        }
    }

    public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reads++;
            return Task.FromResult(_permissions.GetValueOrDefault(login, RepositoryPermission.None));
        }
    }

    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
            _reactions.Add((commentId, reaction));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Reads++;
            IReadOnlyList<LabelDefinition> list = [.. _labels.Values];
            return Task.FromResult(list);
        }
    }

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
            _labels[label.Name] = label;
            return Task.CompletedTask;
        }
    }

    private IssueSnapshot Require(int number) =>
        _issues.GetValueOrDefault(number) ?? throw new IssueStoreException(StoreErrorKind.NotFound, $"Issue #{number} does not exist.");
}
