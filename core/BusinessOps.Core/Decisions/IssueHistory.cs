using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// What the coordinator's own comments say about an issue: the status comment and its state, the agents'
/// result records, and the notes already posted. Only comments by the store identity are trusted —
/// a person pasting a marker into a comment changes nothing. Read once per decision; never changed after.
/// </summary>
internal sealed class IssueHistory
{
    private const string NotePrefix = "<!-- businessops:note ";

    private readonly List<(ResultRecord Record, IssueComment Comment)> _results;
    private readonly HashSet<string>? _notes;

    private IssueHistory(IssueComment? statusComment, OpsState state, bool stateValid, List<(ResultRecord, IssueComment)> results, HashSet<string>? notes)
    {
        StatusComment = statusComment;
        State = state;
        StateValid = stateValid;
        _results = results;
        _notes = notes;
    }

    public IssueComment? StatusComment { get; }

    /// <summary>The state from the status comment (upgraded to the current schema), or a rebuilt one (<see cref="OpsState.Rebuilt"/>).</summary>
    public OpsState State { get; }

    /// <summary>True when the status comment's marker parsed: an unchanged state then needs no re-render.</summary>
    public bool StateValid { get; }

    public IReadOnlyList<(ResultRecord Record, IssueComment Comment)> Results => _results;

    public static IssueHistory Read(IssueSnapshot issue, string identity, DispatchPolicy dispatch)
    {
        IssueComment? statusComment = null;
        var state = new OpsState();
        var stateValid = false;
        var results = new List<(ResultRecord, IssueComment)>();
        HashSet<string>? notes = null;
        foreach (var comment in issue.Comments)
        {
            if (!string.Equals(comment.Author, identity, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var body = comment.Body;
            if (statusComment is null && Markers.Has(body, Markers.StateKind))
            {
                statusComment = comment;
                stateValid = Markers.TryParseState(body, dispatch, out state);
            }
            else if (Markers.TryParseResult(body, out var result) && result is not null)
            {
                results.Add((result, comment));
            }

            // Our marker is the last thing we write: text quoted above it cannot pose as the note's key.
            var at = body.LastIndexOf(NotePrefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = body.IndexOf(" -->", at, StringComparison.Ordinal);
                if (end > at)
                {
                    (notes ??= new HashSet<string>(StringComparer.Ordinal)).Add(body[(at + NotePrefix.Length)..end]);
                }
            }
        }

        if (!stateValid)
        {
            state = Rebuild(results, statusComment is not null);
        }

        return new IssueHistory(statusComment, state, stateValid, results, notes);
    }

    /// <summary>The hidden marker that makes a one-off comment idempotent (<paramref name="key"/> comes from <see cref="NoteKey"/>).</summary>
    public static string NoteMarker(string key) => NotePrefix + key + " -->";

    public bool HasNote(string key) => _notes?.Contains(key) == true;

    /// <summary>The newest trusted result for <paramref name="key"/>, if an agent (or the coordinator on its behalf) wrote one.</summary>
    public ResultRecord? ResultFor(string? key) => Find(key)?.Record;

    /// <summary>When the newest trusted result for <paramref name="key"/> was posted.</summary>
    public DateTimeOffset? ResultTime(string? key) => Find(key)?.Comment.CreatedAt;

    private (ResultRecord Record, IssueComment Comment)? Find(string? key)
    {
        if (key is null)
        {
            return null;
        }

        for (var i = _results.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_results[i].Record.Key, key, StringComparison.Ordinal))
            {
                return _results[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Rebuilds the state from result comments when the marker is missing or unreadable: the newest result's key
    /// becomes the current key, so nothing is dispatched twice. Marked <see cref="OpsState.Rebuilt"/> only when a
    /// status comment existed (a brand-new issue has nothing to rebuild).
    /// </summary>
    private static OpsState Rebuild(List<(ResultRecord Record, IssueComment Comment)> results, bool hadStatusComment)
    {
        if (results.Count == 0)
        {
            return new OpsState { Rebuilt = hadStatusComment };
        }

        var (last, comment) = results[^1];
        var parsed = IdempotencyKey.TryParse(last.Key, out var key);
        return new OpsState
        {
            Rebuilt = true,
            Agent = last.Agent,
            Key = last.Key,
            Attempt = parsed ? key.Attempt : 1,
            Phase = parsed ? key.PhaseKind : DispatchPhase.Plan,
            DispatchedAt = comment.CreatedAt,
            CostUsd = results.Sum(r => r.Record.CostUsd),
            CostAt = comment.CreatedAt,
        };
    }
}
