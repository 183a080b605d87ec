using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// One child issue as the coordinator read it: its key (from its marker), state, issue number, the outputs of its
/// settled result, and for a failure the reason. For a person's review or gate the caller puts the verdict in
/// <see cref="Outputs"/>: <c>{"approved": true}</c> for <c>/approve</c>, <c>{"approved": false, "feedback": "…"}</c> for <c>/reject …</c>.
/// </summary>
public sealed record ChildObservation(ChildKey Key, ChildStatus Status, int? Issue, JsonObject? Outputs, string? Error);
