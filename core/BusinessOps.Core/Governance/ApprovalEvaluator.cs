using System.Text;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Re-derives the approval state of the current plan from the issue's comments (labels are never proof).
/// A command counts only when ALL hold, checked in this order (the first failure is the reason given):
/// <list type="number">
/// <item>created strictly after the plan was posted (a new plan voids earlier approvals);</item>
/// <item>not written by the coordinator's own identity; not by a bot;</item>
/// <item>not edited after posting;</item>
/// <item>not by the issue's author, unless <see cref="ApprovalPolicy.AllowSelfApproval"/>;</item>
/// <item>the author is in a required role (or the backup role after a timeout; anyone for the collaborator role).
/// Role entries <c>org/team</c> match only through the <c>teams</c> map (team slug → member logins) the shell
/// fills where its token can read teams; without an entry a team never matches;</item>
/// <item>the author holds at least <see cref="ApprovalPolicy.MinimumApproverPermission"/> and the command's own
/// level from <see cref="ApprovalPolicy.Commands"/>. No entry in the permissions map: the author is listed in
/// <see cref="ApprovalVerdict.NeedsPermissionLookup"/> and the verdict stays pending until the shell looks them up.</item>
/// </list>
/// Decisions: approvals are counted per role by distinct login (the same person twice counts once; one person in
/// two roles satisfies both). A valid <c>/reject</c> by any eligible approver rejects the plan, even after approvals
/// were complete — a rejection is final for this plan; a new plan (new hash, new post time) starts over.
/// </summary>
public static class ApprovalEvaluator
{
    /// <summary>The approval verdict for the plan posted at <paramref name="planPostedAt"/>.</summary>
    /// <param name="issue">The issue with all its comments.</param>
    /// <param name="req">Who must approve (from <see cref="ApprovalRouter"/>).</param>
    /// <param name="planHash">The current plan's hash (for the "before the plan" reason).</param>
    /// <param name="planPostedAt">When the current plan was posted; only later comments count.</param>
    /// <param name="identity">The coordinator's login; its comments never count.</param>
    /// <param name="permissions">Known repository permissions by login (case-insensitive lookup).</param>
    /// <param name="p">The approvals policy.</param>
    /// <param name="teams">Optional team memberships (<c>org/team</c> → logins) for role entries naming teams.</param>
    public static ApprovalVerdict Evaluate(
        IssueSnapshot issue,
        ApprovalRequirement req,
        string planHash,
        DateTimeOffset planPostedAt,
        string identity,
        IReadOnlyDictionary<string, RepositoryPermission> permissions,
        ApprovalPolicy p,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? teams = null)
    {
        if (req.Automatic)
        {
            return new ApprovalVerdict(ApprovalState.Approved, [], [], [], []);
        }

        var roles = req.Roles;
        var counted = new List<string>[roles.Count];
        for (var i = 0; i < counted.Length; i++)
        {
            counted[i] = new List<string>(Math.Max(1, roles[i].Required));
        }

        List<string>? approvers = null;
        List<IgnoredCommand>? ignored = null;
        List<string>? lookups = null;
        string? rejectedBy = null;
        string? rejectionReason = null;
        long? deciding = null;
        var satisfied = false;

        for (var c = 0; c < issue.Comments.Count; c++)
        {
            var comment = issue.Comments[c];
            var cmd = CommandParser.Parse(comment);
            if (cmd is null || cmd.Kind is not (CommandKind.Approve or CommandKind.Reject))
            {
                continue;
            }

            var author = comment.Author;
            var reason = Screen(comment, cmd.Kind, issue, planHash, planPostedAt, identity, p)
                ?? RoleReason(author, req, teams);
            if (reason is null)
            {
                var needed = Needed(cmd, p);
                if (!PermissionLookup.TryGet(permissions, author, out var held))
                {
                    AddDistinct(lookups ??= [], author);
                    continue;
                }

                if (held < needed)
                {
                    reason = $"{author} has {Wording.Permission(held)} permission; {Wording.Permission(needed)} required";
                }
            }

            if (reason is not null)
            {
                (ignored ??= []).Add(new IgnoredCommand(comment.Id, author, cmd.Kind, reason));
                continue;
            }

            if (cmd.Kind == CommandKind.Reject)
            {
                if (rejectedBy is null)
                {
                    rejectedBy = author;
                    rejectionReason = cmd.Argument;
                    deciding = comment.Id;
                }

                continue;
            }

            for (var i = 0; i < roles.Count; i++)
            {
                if (IsMember(author, roles[i], req, teams))
                {
                    AddDistinct(counted[i], author);
                }
            }

            AddDistinct(approvers ??= [], author);
            if (!satisfied && AllSatisfied(roles, counted))
            {
                satisfied = true;
                deciding ??= comment.Id;
            }
        }

        var progress = new RoleProgress[roles.Count];
        for (var i = 0; i < progress.Length; i++)
        {
            progress[i] = new RoleProgress(roles[i].Role, roles[i].Required, counted[i]);
        }

        var state = rejectedBy is not null ? ApprovalState.Rejected
            : lookups is null && satisfied ? ApprovalState.Approved
            : ApprovalState.Pending;

        return new ApprovalVerdict(state, approvers ?? [], progress, ignored ?? [], lookups ?? [])
        {
            RejectedBy = rejectedBy,
            RejectionReason = rejectionReason,
            DecidingCommentId = state == ApprovalState.Pending ? null : deciding,
        };
    }

    /// <summary>
    /// Authors whose repository permission the shell should look up before calling <see cref="Evaluate"/>: one per
    /// distinct author of an <c>/approve</c> or <c>/reject</c> posted after the plan that is not the identity, not a
    /// bot and not edited. With <paramref name="requirement"/>, only authors in a required or backup role (anyone for the
    /// collaborator role; team entries only through <paramref name="teams"/>); with <paramref name="policy"/>, the issue's
    /// author is left out unless self-approval is allowed; with <paramref name="known"/>, logins already in the map are
    /// left out. Given the same arguments as <see cref="Evaluate"/>, it returns exactly its <see cref="ApprovalVerdict.NeedsPermissionLookup"/>.
    /// </summary>
    public static IReadOnlyList<string> LoginsNeedingPermission(
        IssueSnapshot issue,
        DateTimeOffset planPostedAt,
        string identity,
        ApprovalRequirement? requirement = null,
        ApprovalPolicy? policy = null,
        IReadOnlyDictionary<string, RepositoryPermission>? known = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? teams = null)
    {
        if (requirement is { Automatic: true })
        {
            return [];
        }

        List<string>? logins = null;
        for (var c = 0; c < issue.Comments.Count; c++)
        {
            var comment = issue.Comments[c];
            var cmd = CommandParser.Parse(comment);
            if (cmd is null || cmd.Kind is not (CommandKind.Approve or CommandKind.Reject))
            {
                continue;
            }

            var author = comment.Author;
            if (Screen(comment, cmd.Kind, issue, string.Empty, planPostedAt, identity, policy) is not null
                || (requirement is not null && RoleReason(author, requirement, teams) is not null)
                || (known is not null && PermissionLookup.TryGet(known, author, out _)))
            {
                continue;
            }

            AddDistinct(logins ??= [], author);
        }

        return logins ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The permission an author needs for an approve or reject: the higher of the approver minimum and the command's level.</summary>
    public static RepositoryPermission Needed(ParsedCommand cmd, ApprovalPolicy p) =>
        p.Commands.TryGetValue(cmd.Name, out var level) && level > p.MinimumApproverPermission ? level : p.MinimumApproverPermission;

    // The checks that do not depend on roles or permissions; null means the comment passes them.
    private static string? Screen(IssueComment comment, CommandKind kind, IssueSnapshot issue, string planHash, DateTimeOffset planPostedAt, string identity, ApprovalPolicy? p)
    {
        var author = comment.Author;
        if (comment.CreatedAt <= planPostedAt)
        {
            return $"given before the current plan (hash {planHash}) was posted";
        }

        if (string.Equals(author, identity, StringComparison.OrdinalIgnoreCase))
        {
            return $"{author} is the coordinator's own identity";
        }

        if (comment.AuthorIsBot)
        {
            return kind == CommandKind.Reject ? "bots never reject" : "bots never approve";
        }

        if (comment.WasEdited)
        {
            return "edited after posting";
        }

        if (p is { AllowSelfApproval: false } && string.Equals(author, issue.Author, StringComparison.OrdinalIgnoreCase))
        {
            return $"{author} is the issue's author";
        }

        return null;
    }

    private static string? RoleReason(string author, ApprovalRequirement req, IReadOnlyDictionary<string, IReadOnlyList<string>>? teams)
    {
        for (var k = 0; k < req.Roles.Count; k++)
        {
            var role = req.Roles[k];
            if (IsMember(author, role, req, teams))
            {
                return null;
            }
        }

        var sb = new StringBuilder(author).Append(" is not in role ");
        for (var i = 0; i < req.Roles.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : " or ").Append(req.Roles[i].Role);
        }

        if (req.BackupRole is not null)
        {
            sb.Append(" or backup role ").Append(req.BackupRole);
        }

        return sb.ToString();
    }

    private static bool IsMember(string login, RoleRequirement role, ApprovalRequirement req, IReadOnlyDictionary<string, IReadOnlyList<string>>? teams) =>
        role.AnyCollaborator || InList(login, role.Approvers, teams) || InList(login, req.BackupApprovers, teams);

    private static bool InList(string login, IReadOnlyList<string> entries, IReadOnlyDictionary<string, IReadOnlyList<string>>? teams)
    {
        for (var k = 0; k < entries.Count; k++)
        {
            var entry = entries[k];
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                if (teams is not null && TryTeam(teams, entry, out var members) && Contains(members, login))
                {
                    return true;
                }
            }
            else if (string.Equals(entry, login, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryTeam(IReadOnlyDictionary<string, IReadOnlyList<string>> teams, string team, out IReadOnlyList<string> members)
    {
        if (teams.TryGetValue(team, out members!))
        {
            return true;
        }

        foreach (var (name, list) in teams)
        {
            if (string.Equals(name, team, StringComparison.OrdinalIgnoreCase))
            {
                members = list;
                return true;
            }
        }

        members = [];
        return false;
    }

    private static bool AllSatisfied(IReadOnlyList<RoleRequirement> roles, List<string>[] counted)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (counted[i].Count < roles[i].Required)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> list, string login)
    {
        for (var k = 0; k < list.Count; k++)
        {
            var x = list[k];
            if (string.Equals(x, login, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddDistinct(List<string> list, string login)
    {
        if (!Contains(list, login))
        {
            list.Add(login);
        }
    }
}
