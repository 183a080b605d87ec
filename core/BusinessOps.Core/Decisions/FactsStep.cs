using BusinessOps.Core.Governance;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Step 0: the repository permission of every author of a new slash command (other than approvals, which
/// <see cref="ApprovalStep"/> checks itself). If one is unknown the decision stops before anything is written and asks.
/// </summary>
internal static class FactsStep
{
    public static GatherFacts? Missing(DecisionInput input)
    {
        List<string>? logins = null;
        var handled = input.History.State.LastCommandId;
        foreach (var command in input.Commands)
        {
            var author = command.Comment.Author;
            if (command.Comment.Id <= handled || !command.IsValid || command.Kind is CommandKind.Approve or CommandKind.Reject or CommandKind.Help
                || PermissionLookup.TryGet(input.Context.Permissions, author, out _)
                || (logins is not null && logins.Contains(author, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            (logins ??= []).Add(author);
        }

        return logins is null ? null : new GatherFacts(logins);
    }
}
