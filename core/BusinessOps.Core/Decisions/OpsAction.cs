using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>One write the shell must make for an issue. <c>Decide</c> only emits what differs from the snapshot.</summary>
public abstract record OpsAction;

/// <summary>Add and remove labels in one step.</summary>
public sealed record ChangeLabels(IReadOnlyList<string> Add, IReadOnlyList<string> Remove) : OpsAction;

/// <summary>
/// Create (<see cref="CommentId"/> null) or edit the one status comment; <see cref="State"/> is what its marker holds.
/// Written conditionally: only if the status comment is still <see cref="Expected"/> (none, when null) — the write that
/// takes the <see cref="Lease"/>. When another pass wrote first, the shell writes nothing else for the issue.
/// </summary>
public sealed record UpsertStatusComment(long? CommentId, string Body, OpsState State) : OpsAction
{
    /// <summary>The status comment as this decision read it (null: it saw none).</summary>
    public IssueComment? Expected { get; init; }
}

/// <summary>A one-off comment (triage advice, escalation, a reply). <see cref="NoteKey"/> makes it idempotent: it is posted once.</summary>
public sealed record PostComment(string NoteKey, string Body) : OpsAction
{
    /// <summary>The hidden marker in <see cref="Body"/> that names the note: the store posts it only if no comment of ours carries it yet.</summary>
    public string Marker => IssueHistory.NoteMarker(NoteKey);
}

/// <summary>
/// Nothing to write: another pass holds the issue's <see cref="Lease"/> while it hands a run to the executor. Emitted
/// alone; the next pass after the holder is done (or its lease expired) picks the issue up.
/// </summary>
public sealed record LeaseHeld(string Holder, DateTimeOffset Until) : OpsAction;

/// <summary>
/// Run an agent. Applied after the status comment recording the intent has been written. <see cref="InputHash"/> is the
/// hash (<see cref="Decisions.InputHash"/>) of the issue snapshot this was decided on: the shell hands the executor that
/// very snapshot — for the execute phase, the input that was approved. An execute phase runs no agent: the coordinator
/// performs <see cref="Effects"/>, the approved plan's effects, itself.
/// </summary>
public sealed record DispatchAgent(string Agent, string Key, int Attempt, DispatchPhase Phase, Priority Priority, string? Tenant, string InputHash) : OpsAction
{
    /// <summary>For the execute phase: the approved effects, in order (never empty: an approved plan without effects is simply done).</summary>
    public IReadOnlyList<Effect> Effects { get; init; } = [];
}

/// <summary>Acknowledge a command comment (a reaction on GitHub).</summary>
public sealed record React(long CommentId, string Reaction) : OpsAction;

/// <summary>
/// Decide needs facts it was not given: the shell gathers them (once per run for permissions and teams, once per pass
/// for the spend ledger) and decides again. Emitted alone, so nothing is written before.
/// </summary>
/// <param name="Logins">Logins whose repository permission is needed.</param>
/// <param name="SpendToday">Today's spending ledger is needed (a new plan is being gated).</param>
/// <param name="Teams">The members of the approval roles' <c>org/team</c> entries are needed.</param>
public sealed record GatherFacts(IReadOnlyList<string> Logins, bool SpendToday = false, bool Teams = false) : OpsAction;
