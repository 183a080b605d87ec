using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// What the coordinator's own comments say about an issue: the status comment and its state, the agents'
/// result records, and the notes already posted. Only comments by the store identity are trusted —
/// a person pasting a marker into a comment changes nothing.
/// </summary>
internal sealed class IssueHistory
{
    private const string NotePrefix = "<!-- businessops:note ";

    private readonly List<(ResultRecord Record, IssueComment Comment)> _results = [];
    private readonly HashSet<string> _notes = new(StringComparer.Ordinal);

    public IssueComment? StatusComment { get; private set; }

    /// <summary>The state from the status comment, or a rebuilt one (<see cref="OpsState.Rebuilt"/>).</summary>
    public OpsState State { get; private set; } = new();

    /// <summary>True when the status comment's marker parsed: an unchanged state then needs no re-render.</summary>
    public bool StateValid { get; private set; }

    public IReadOnlyList<(ResultRecord Record, IssueComment Comment)> Results => _results;

    public static IssueHistory Read(IssueSnapshot issue, string identity)
    {
        var history = new IssueHistory();
        var stateValid = false;
        foreach (var comment in issue.Comments)
        {
            if (!string.Equals(comment.Author, identity, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var body = comment.Body;
            if (history.StatusComment is null && Markers.Has(body, Markers.StateKind))
            {
                history.StatusComment = comment;
                stateValid = Markers.TryParseState(body, out var state);
                history.State = state;
            }
            else if (Markers.TryParseResult(body, out var result) && result is not null)
            {
                history._results.Add((result, comment));
            }

            var at = body.IndexOf(NotePrefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = body.IndexOf(" -->", at, StringComparison.Ordinal);
                if (end > at)
                {
                    history._notes.Add(body[(at + NotePrefix.Length)..end]);
                }
            }
        }

        history.StateValid = stateValid;
        if (!stateValid)
        {
            history.State = history.Rebuild(history.StatusComment is not null);
        }

        return history;
    }

    /// <summary>The hidden marker that makes a one-off comment idempotent.</summary>
    public static string NoteMarker(string key) => NotePrefix + key + " -->";

    public bool HasNote(string key) => _notes.Contains(key);

    /// <summary>The newest trusted result for <paramref name="key"/>, if an agent (or the coordinator on its behalf) wrote one.</summary>
    public ResultRecord? ResultFor(string? key)
    {
        if (key is null)
        {
            return null;
        }

        for (var i = _results.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_results[i].Record.Key, key, StringComparison.Ordinal))
            {
                return _results[i].Record;
            }
        }

        return null;
    }

    public DateTimeOffset? ResultTime(string? key)
    {
        for (var i = _results.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_results[i].Record.Key, key, StringComparison.Ordinal))
            {
                return _results[i].Comment.CreatedAt;
            }
        }

        return null;
    }

    /// <summary>
    /// Rebuilds the state from result comments when the marker is missing or unreadable: the newest result's key
    /// becomes the current key, so nothing is dispatched twice. Marked <see cref="OpsState.Rebuilt"/> only when a
    /// status comment existed (a brand-new issue has nothing to rebuild).
    /// </summary>
    private OpsState Rebuild(bool hadStatusComment)
    {
        if (_results.Count == 0)
        {
            return new OpsState { Rebuilt = hadStatusComment };
        }

        var (last, comment) = _results[^1];
        var attempt = IdempotencyKey.TryParse(last.Key, out var key) ? key.Attempt : 1;
        return new OpsState
        {
            Rebuilt = true,
            Agent = last.Agent,
            Key = last.Key,
            Attempt = attempt,
            Phase = key.Phase.Length > 0 ? key.Phase : IdempotencyKey.PlanPhase,
            DispatchedAt = comment.CreatedAt,
            CostUsd = _results.Sum(r => r.Record.CostUsd),
            CostAt = comment.CreatedAt,
        };
    }
}
