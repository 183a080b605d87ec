using System.Collections.Immutable;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The decision so far, threaded through the steps of <see cref="Decider"/>: each step takes one and returns one. It holds
/// the desired <see cref="State"/> and the writes that converge the issue to it; nothing in it is ever mutated.
/// </summary>
internal sealed record Decision
{
    private const int MaxAudit = 20;

    /// <summary>The state the marker will hold.</summary>
    public required OpsState State { get; init; }

    /// <summary>The issue's priority for this pass (dispatch order and SLA).</summary>
    public Priority Priority { get; init; }

    /// <summary>The agent the next dispatch goes to (routing result, or the agent of the run in flight).</summary>
    public string? Agent { get; init; }

    /// <summary>An <c>/agent</c> command of this pass: routes like an <c>agent/…</c> label.</summary>
    public string? AgentOverride { get; init; }

    /// <summary><c>/hold</c> (true) or <c>/unhold</c>/<c>/retry</c> (false) this pass; null: the labels decide.</summary>
    public bool? Hold { get; init; }

    /// <summary><c>/retry</c> this pass: a fresh count of failures and a new attempt.</summary>
    public bool Retry { get; init; }

    /// <summary>True when a hold or a human's terminal choice settles the issue: the lifecycle steps do not run.</summary>
    public bool Final { get; init; }

    public ImmutableArray<string> Add { get; init; } = [];

    public ImmutableArray<string> Remove { get; init; } = [];

    /// <summary>Notes and reactions, in order.</summary>
    public ImmutableArray<OpsAction> Extra { get; init; } = [];

    public DispatchAgent? Dispatch { get; init; }

    /// <summary>Facts a step needs and the context lacks: the decision stops and the shell gathers them.</summary>
    public GatherFacts? Needs { get; init; }

    public static Decision Start(DecisionInput input) => new()
    {
        State = input.History.State,
        Priority = input.History.State.Priority ?? input.Policies.Sla.DefaultPriority,
    };

    public Decision WithStatus(IssueStatus status) => State.Status == status ? this : this with { State = State with { Status = status } };

    public Decision AddLabel(string label) => this with { Add = Add.Contains(label) ? Add : Add.Add(label), Remove = Remove.Remove(label) };

    public Decision RemoveLabel(string label) => this with { Remove = Remove.Contains(label) ? Remove : Remove.Add(label), Add = Add.Remove(label) };

    public Decision React(long commentId) => this with { Extra = Extra.Add(new React(commentId, "+1")) };

    /// <summary>Posts <paramref name="body"/> once per <paramref name="key"/> over the issue's life (the key is hidden in the comment).</summary>
    private Decision Note(DecisionInput input, string key, string body)
    {
        if (input.History.HasNote(key) || Extra.Any(a => a is PostComment p && p.NoteKey == key))
        {
            return this;
        }

        return this with { Extra = Extra.Add(new PostComment(key, body + "\n\n" + IssueHistory.NoteMarker(key))) };
    }

    /// <summary>
    /// Posts <paramref name="text"/> once per <paramref name="key"/>, in the business's wording when it has a template for
    /// it, else the built-in text; the hidden key is appended after it, never part of the wording.
    /// </summary>
    public Decision Note(DecisionInput input, string key, Comments.CommentText text) =>
        input.History.HasNote(key) ? this : Note(input, key, text.Render(input.Policies.Wording));

    /// <summary>Appends to the bounded audit trail (the newest <see cref="MaxAudit"/> entries are kept).</summary>
    public Decision Audit(DecisionInput input, string actor, string decision, string reason, DateTimeOffset? at = null)
    {
        var entries = State.Audit ?? [];
        var entry = new AuditEntry(at ?? input.Now, actor, decision, Text.Bound(reason, 200));
        return this with { State = State with { Audit = [.. entries.Skip(Math.Max(0, entries.Count - (MaxAudit - 1))), entry] } };
    }

    /// <summary>Ends the current human wait: its length leaves the agent's SLA clock.</summary>
    public Decision EndWait(DateTimeOffset now) => State.WaitingSince is { } since
        ? this with { State = State with { WaitSeconds = State.WaitSeconds + (long)Math.Max(0, (now - since).TotalSeconds), WaitingSince = null } }
        : this;
}
