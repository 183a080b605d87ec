using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Agents;

/// <summary>
/// One issue as the agents that look across issues see it: no body and no comments, only what the coordinator read
/// from its labels and from the markers it trusts (its own identity).
/// </summary>
/// <param name="Number">The issue number.</param>
/// <param name="Title">The title (untrusted text).</param>
/// <param name="State">Open or closed.</param>
/// <param name="Status">The <c>status/*</c> label; <see cref="IssueStatus.New"/> when the coordinator never touched it.</param>
/// <param name="Priority">The <c>priority/*</c> label, if any.</param>
/// <param name="Agent">The agent of its last trusted result, else its <c>agent/*</c> label, else its route; <c>unrouted</c> otherwise.</param>
/// <param name="Clients">The ids of its <c>client/*</c> labels.</param>
/// <param name="SlaBreached">Carries <c>sla/breached</c>.</param>
/// <param name="HumanApproved">Someone other than the coordinator commented <c>/approve</c>.</param>
/// <param name="CreatedAt">When it was filed.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record IssueDigest(
    int Number,
    string Title,
    IssueState State,
    IssueStatus Status,
    Priority? Priority,
    string Agent,
    IReadOnlyList<string> Clients,
    bool SlaBreached,
    bool HumanApproved,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The summary of its last trusted result (at most 300 characters), or null: what the agents that look across issues quote.</summary>
    public string? Summary { get; init; }
}
