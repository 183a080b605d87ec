using System.Collections.Concurrent;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Tests.Storms;

/// <summary>
/// Counts every write through the port as the store counts it (a batch is one transaction on SQLite) and on which issue,
/// and what the writes carry — labels, the status comment, a result comment, a note by its key's cause
/// (<c>note:backup</c>, <c>note:risk</c>, …) — so a storm shows what it is made of.
/// </summary>
public sealed class WriteTally(IIssueStore inner) : IIssueStore, IPassIndex
{
    private const string NotePrefix = "<!-- businessops:note ";
    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _writes = new();

    public string Identity => inner.Identity;

    public string Location => inner.Location;

    /// <summary>Writes since the last <see cref="Reset"/>, as the store counts them.</summary>
    public int Writes => _writes.Values.Sum();

    /// <summary>What the writes since the last <see cref="Reset"/> carried, by kind (a batch counts each of its parts).</summary>
    public IReadOnlyDictionary<string, int> ByKind => new SortedDictionary<string, int>(_byKind, StringComparer.Ordinal);

    /// <summary>Issues written to since the last <see cref="Reset"/>.</summary>
    public int IssuesWritten => _writes.Count;

    /// <summary>The issues written to since the last <see cref="Reset"/>, by number.</summary>
    public IReadOnlyCollection<int> Written => [.. _writes.Keys.Order()];

    /// <summary>The most writes one issue got since the last <see cref="Reset"/>.</summary>
    public int MostOnOneIssue => _writes.IsEmpty ? 0 : _writes.Values.Max();

    public void Reset()
    {
        _byKind.Clear();
        _writes.Clear();
    }

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken) => inner.ListIssuesAsync(query, cancellationToken);

    /// <summary>The pass index of the store behind (the idle pass reads what changed or is due); none when it keeps none.</summary>
    public Task<IReadOnlyList<IssueSnapshot>?> ListForPassAsync(string fingerprint, DateTimeOffset now, TimeSpan fullEvery, string alwaysLabelPrefix, CancellationToken cancellationToken) =>
        inner is IPassIndex index ? index.ListForPassAsync(fingerprint, now, fullEvery, alwaysLabelPrefix, cancellationToken) : Task.FromResult<IReadOnlyList<IssueSnapshot>?>(null);

    public Task RecordPassAsync(string fingerprint, DateTimeOffset readAt, bool full, IReadOnlyDictionary<int, DateTimeOffset> due, CancellationToken cancellationToken) =>
        inner is IPassIndex index ? index.RecordPassAsync(fingerprint, readAt, full, due, cancellationToken) : Task.CompletedTask;

    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) => inner.GetIssueAsync(number, cancellationToken);

    public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken) => inner.CreateIssueAsync(issue, cancellationToken);

    public async Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken)
    {
        var comment = await inner.AddCommentAsync(number, body, cancellationToken);
        Count(number, KindOf(body));
        return comment;
    }

    public async Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken)
    {
        var comment = await inner.UpdateCommentAsync(number, commentId, body, cancellationToken);
        Count(number, KindOf(body));
        return comment;
    }

    public async Task<IssueComment?> TryUpdateCommentAsync(int number, IssueComment expected, string body, CancellationToken cancellationToken)
    {
        var comment = await inner.TryUpdateCommentAsync(number, expected, body, cancellationToken);
        Count(number, KindOf(body));
        return comment;
    }

    public async Task<IssueComment?> TryAddUniqueCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        var comment = await inner.TryAddUniqueCommentAsync(number, marker, body, cancellationToken);
        Count(number, KindOf(body));
        return comment;
    }

    public async Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
    {
        await inner.UpdateLabelsAsync(number, add, remove, cancellationToken);
        Count(number, "labels");
    }

    public async Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken)
    {
        await inner.SetStateAsync(number, state, cancellationToken);
        Count(number, "state");
    }

    public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken) => inner.GetPermissionAsync(login, cancellationToken);

    public async Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken)
    {
        await inner.AddReactionAsync(number, commentId, reaction, cancellationToken);
        Count(number, "reaction");
    }

    public async Task<IssueWriteResult> WriteIssueAsync(int number, IReadOnlyList<IssueWrite> writes, CancellationToken cancellationToken)
    {
        var made = await inner.WriteIssueAsync(number, writes, cancellationToken);
        foreach (var write in writes)
        {
            Part(write switch
            {
                LabelsWrite => "labels",
                CommentWrite c => KindOf(c.Body),
                ConditionalCommentWrite c => KindOf(c.Body),
                UniqueCommentWrite c => KindOf(c.Body),
                _ => "reaction",
            });
        }

        _writes.AddOrUpdate(number, made.Writes, (_, n) => n + made.Writes);
        return made;
    }

    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) => inner.ListLabelsAsync(cancellationToken);

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken) => inner.UpsertLabelAsync(label, cancellationToken);

    private static string KindOf(string body)
    {
        if (body.Contains("<!-- businessops:state", StringComparison.Ordinal))
        {
            return "status";
        }

        if (body.Contains("<!-- businessops:result", StringComparison.Ordinal))
        {
            return "result";
        }

        var note = body.IndexOf(NotePrefix, StringComparison.Ordinal);
        if (note < 0)
        {
            return "comment";
        }

        var key = body.AsSpan(note + NotePrefix.Length);
        var end = key.IndexOfAny(':', ' ');
        return "note:" + (end < 0 ? key : key[..end]).ToString();
    }

    private void Count(int number, string kind)
    {
        Part(kind);
        _writes.AddOrUpdate(number, 1, (_, n) => n + 1);
    }

    private void Part(string kind)
    {
        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }
}
