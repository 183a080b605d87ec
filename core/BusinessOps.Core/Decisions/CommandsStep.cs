using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Step 2, slash commands in new comments, each handled once (a high-water mark of comment ids in the state): checked
/// against the permission policy, acted on, acknowledged, audited — or answered with what is valid. <c>/approve</c> and
/// <c>/reject</c> are read by <see cref="ApprovalStep"/> from the comments on every pass; here they only get an answer when
/// nothing waits for them.
/// </summary>
internal static class CommandsStep
{
    public static Decision Apply(Decision d, DecisionInput input)
    {
        foreach (var cmd in input.Commands)
        {
            var comment = cmd.Comment;
            if (comment.Id <= d.State.LastCommandId)
            {
                continue;
            }

            // Only command comments move the watermark: conversation costs no write.
            d = d with { State = d.State with { LastCommandId = comment.Id } };
            if (!cmd.IsValid)
            {
                d = d.Note(input, "cmd:" + comment.Id, CommandComments.Help(comment.Author, cmd.Error!));
                continue;
            }

            if (cmd.Kind == CommandKind.Help)
            {
                d = d.Note(input, "cmd:" + comment.Id, CommandComments.Help(comment.Author, CommandParser.Help));
                continue;
            }

            if (cmd.Kind is CommandKind.Approve or CommandKind.Reject)
            {
                if (d.State.Status is not (IssueStatus.AwaitingApproval or IssueStatus.AwaitingDecision))
                {
                    d = d.Note(input, "cmd:" + comment.Id, CommandComments.NothingToApprove(comment.Author, cmd.Name));
                }

                continue;
            }

            var needed = CommandAuthorizer.Required(cmd, input.Policies.Approvals);
            PermissionLookup.TryGet(input.Context.Permissions, comment.Author, out var has);
            if (has < needed)
            {
                var hasText = has == RepositoryPermission.None ? "none" : Wording.Permission(has);
                d = d.Note(input, "cmd:" + comment.Id, CommandComments.Refused(comment.Author, cmd.Name, Wording.Permission(needed), hasText));
                d = d.Audit(input, comment.Author, "refused /" + cmd.Name, "insufficient permission", comment.CreatedAt);
                continue;
            }

            d = Act(d, input, cmd).React(comment.Id);
        }

        return d;
    }

    private static Decision Act(Decision d, DecisionInput input, ParsedCommand cmd)
    {
        var author = cmd.Comment.Author;
        var at = cmd.Comment.CreatedAt;
        var note = cmd.Argument is { Length: > 0 } a ? Text.Inline(a) : "no reason given";
        var onHold = LabelNames.For(IssueStatus.OnHold);
        switch (cmd.Kind)
        {
            case CommandKind.Hold:
                return (d with { Hold = true }).AddLabel(onHold).Audit(input, author, "hold", note, at);
            case CommandKind.Unhold:
                return (d with { Hold = false }).RemoveLabel(onHold).Audit(input, author, "unhold", note, at);
            case CommandKind.Retry:
                return (d with { Retry = true, Hold = false }).RemoveLabel(onHold).Audit(input, author, "retry", "fresh count of failures", at);
            case CommandKind.Cancel:
                d = d with { State = d.State with { Override = Override.Cancelled, Summary = Text.Bound($"Cancelled by {author}: {note}", 240) } };
                return d.Audit(input, author, "cancelled", note, at);
            case CommandKind.Escalate:
                d = d with { State = d.State with { Override = Override.Escalated } };
                d = d.Note(input, "escalate:" + at.ToUnixTimeSeconds(), CommandComments.Escalated(Text.Mentions(input.Policies.Sla.Managers), author, note));
                return d.Audit(input, author, "escalated", note, at);
            case CommandKind.Priority when cmd.Priority is { } p:
                var keep = LabelNames.For(p);
                foreach (var (label, _) in input.Labels.Priorities)
                {
                    d = label == keep ? d : d.RemoveLabel(label);
                }

                d = d.RemoveLabel(LabelNames.For(d.Priority)).AddLabel(keep);
                return PriorityStep.Set(d, p, at).Audit(input, author, "priority " + p, "SLA clock restarted", at);
            case CommandKind.Agent when cmd.Agent is { } agent:
                var chosen = LabelNames.AgentPrefix + agent["ai-".Length..^"-agent".Length];
                foreach (var (label, _) in input.Labels.AgentOverrides)
                {
                    d = label == chosen ? d : d.RemoveLabel(label);
                }

                return (d with { AgentOverride = agent }).AddLabel(chosen).Audit(input, author, "agent " + agent, "routing override", at);
            case CommandKind.Effect when cmd.Effect is { } effect:
                return EffectsStep.Resolve(d, input, cmd, effect.Index, effect.Done);
            default:
                return d;
        }
    }
}
