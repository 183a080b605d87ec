using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Everything one decision may look at, read once before the first step and never changed: the snapshot, the policies,
/// the time, the gathered facts, the coordinator's own history on the issue, the labels by family, and the people's
/// slash commands.
/// </summary>
internal sealed record DecisionInput(
    IssueSnapshot Issue,
    PolicySet Policies,
    DateTimeOffset Now,
    DecisionContext Context,
    IssueHistory History,
    LabelView Labels,
    IReadOnlyList<ParsedCommand> Commands)
{
    public static DecisionInput Read(IssueSnapshot issue, PolicySet policies, DateTimeOffset now, DecisionContext context)
    {
        List<ParsedCommand>? commands = null;
        foreach (var comment in issue.Comments)
        {
            // Our own comments and bots never command.
            if (!comment.AuthorIsBot && !string.Equals(comment.Author, policies.Identity, StringComparison.OrdinalIgnoreCase)
                && CommandParser.Parse(comment) is { } command)
            {
                (commands ??= []).Add(command);
            }
        }

        return new DecisionInput(
            issue,
            policies,
            now,
            context,
            IssueHistory.Read(issue, policies.Identity, policies.Dispatch),
            LabelView.Parse(issue.Labels, policies.Routing),
            commands ?? (IReadOnlyList<ParsedCommand>)[]);
    }

    /// <summary>True when the title or body changed since the current plan was dispatched (its approvals are then void).</summary>
    public bool InputChangedSince(string? recorded) => recorded is not null && !InputHash.Matches(recorded, Issue);

    /// <summary>The issue's first client id, the tenant of its dispatches.</summary>
    public string? Tenant => Labels.Clients.Count > 0 ? Labels.Clients[0] : null;
}
