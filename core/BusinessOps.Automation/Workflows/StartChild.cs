using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// Open a child issue: a step's run (first attempt, retry, or the next review round with feedback), a review, or a
/// gate. <see cref="Issue"/> is ready to file (its marker holds <c>workflow#parent/</c> + <see cref="Key"/>); every
/// command of one plan may be carried out in parallel.
/// </summary>
public sealed record StartChild(ChildKey Key, JsonObject Input, IssueSpec Issue) : WorkflowCommand;
