using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Permission checks for slash commands (issue 5: "each with a permission level set by policy"; "an unauthorized or
/// invalid command gets a short reply saying who may do it"). For <c>/approve</c> and <c>/reject</c> this is only the
/// permission part: roles, plan timing and edits are <see cref="ApprovalEvaluator"/>'s. Decisions: commands from the
/// coordinator's identity or any bot are ignored without a reply (no loops); other commands count even when edited
/// (only the author or a maintainer can edit, and handled comment ids are not acted on twice); a command missing from
/// <see cref="ApprovalPolicy.Commands"/> needs <see cref="RepositoryPermission.Write"/>.
/// </summary>
public static class CommandAuthorizer
{
    /// <summary>The permission a command needs: its level from policy (write when absent); approvals and rejections also need the approver minimum.</summary>
    public static RepositoryPermission Required(ParsedCommand cmd, ApprovalPolicy p)
    {
        if (cmd.Kind is CommandKind.Approve or CommandKind.Reject)
        {
            return ApprovalEvaluator.Needed(cmd, p);
        }

        // Asking what is valid changes nothing: anyone may.
        if (cmd.Kind == CommandKind.Help)
        {
            return RepositoryPermission.None;
        }

        return p.Commands.TryGetValue(cmd.Name, out var level) ? level : RepositoryPermission.Write;
    }

    /// <summary>Whether <paramref name="cmd"/> may act, given the permissions known so far (case-insensitive logins).</summary>
    public static CommandAuthorization Check(
        ParsedCommand cmd,
        string identity,
        IReadOnlyDictionary<string, RepositoryPermission> permissions,
        ApprovalPolicy p)
    {
        var author = cmd.Comment.Author;
        if (string.Equals(author, identity, StringComparison.OrdinalIgnoreCase) || cmd.Comment.AuthorIsBot)
        {
            return new CommandAuthorization(CommandStanding.Ignored, RepositoryPermission.None, null);
        }

        if (!cmd.IsValid)
        {
            return new CommandAuthorization(CommandStanding.Invalid, RepositoryPermission.None, cmd.Error);
        }

        var required = Required(cmd, p);
        if (!PermissionLookup.TryGet(permissions, author, out var held))
        {
            return new CommandAuthorization(CommandStanding.NeedsPermissionLookup, required, null);
        }

        if (held < required)
        {
            var reply = $"Only collaborators with {Wording.Permission(required)} permission or higher may use `/{cmd.Name}`; " +
                $"{MarkdownSafe.Inline(author, 100)} has {Wording.Permission(held)} permission.";
            return new CommandAuthorization(CommandStanding.Unauthorized, required, reply);
        }

        return new CommandAuthorization(CommandStanding.Allowed, required, null);
    }
}
