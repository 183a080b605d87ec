using BusinessOps.Core.Labels;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>One write the shell must make for an issue. <c>Decide</c> only emits what differs from the snapshot.</summary>
public abstract record OpsAction;

/// <summary>Add and remove labels in one step.</summary>
public sealed record ChangeLabels(IReadOnlyList<string> Add, IReadOnlyList<string> Remove) : OpsAction;

/// <summary>Create (<see cref="CommentId"/> null) or edit the one status comment; <see cref="State"/> is what its marker holds.</summary>
public sealed record UpsertStatusComment(long? CommentId, string Body, OpsState State) : OpsAction;

/// <summary>A one-off comment (triage advice, escalation, a reply). <see cref="NoteKey"/> makes it idempotent: it is posted once.</summary>
public sealed record PostComment(string NoteKey, string Body) : OpsAction;

/// <summary>Run an agent. Applied after the status comment recording the intent has been written.</summary>
public sealed record DispatchAgent(string Agent, string Key, int Attempt, string Phase, Priority Priority, string? Tenant) : OpsAction;

/// <summary>Acknowledge a command comment (a reaction on GitHub).</summary>
public sealed record React(long CommentId, string Reaction) : OpsAction;

/// <summary>
/// Decide needs repository permissions it was not given: the shell looks these logins up (cached per run) and
/// decides again. Emitted alone, so nothing is written before the lookup.
/// </summary>
public sealed record LookupPermissions(IReadOnlyList<string> Logins) : OpsAction;
