using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Slash commands in new comments, each handled once (a high-water mark of comment ids in the state):
/// checked against the permission policy, acted on, acknowledged, audited — or answered with what is valid.
/// </summary>
internal sealed partial class DecisionRun
{
    /// <summary>
    /// Finds the logins whose permission this decision needs; if any is unknown, emits only a lookup and returns false.
    /// </summary>
    private bool CollectLookups()
    {
        foreach (var comment in issue.Comments)
        {
            if (comment.Id <= _state.LastCommandId || IsOurs(comment.Author, comment.AuthorIsBot) || CommandParser.Parse(comment) is not { IsValid: true } cmd
                || cmd.Kind is CommandKind.Approve or CommandKind.Reject)
            {
                continue;
            }

            Need(comment.Author);
        }

        if (_state.Status == LabelNames.For(IssueStatus.AwaitingApproval) || _state.Status == LabelNames.For(IssueStatus.AwaitingDecision))
        {
            foreach (var login in ApprovalEvaluator.LoginsNeedingPermission(issue, _state.PlanAt ?? DateTimeOffset.MinValue, policies.Identity, policy: policies.Approvals, known: context.Permissions, teams: context.Teams))
            {
                Need(login);
            }
        }

        if (_lookups.Count == 0)
        {
            return true;
        }

        _extra.Add(new LookupPermissions([.. _lookups]));
        return false;
    }

    private void Need(string login)
    {
        if (!context.Permissions.ContainsKey(login) && !_lookups.Contains(login, StringComparer.OrdinalIgnoreCase))
        {
            _lookups.Add(login);
        }
    }

    private bool IsOurs(string author, bool bot) => bot || string.Equals(author, policies.Identity, StringComparison.OrdinalIgnoreCase);

    private void HandleCommands()
    {
        foreach (var comment in issue.Comments)
        {
            // Our own comments and bots never command.
            if (comment.Id <= _state.LastCommandId || IsOurs(comment.Author, comment.AuthorIsBot))
            {
                continue;
            }

            if (CommandParser.Parse(comment) is not { } cmd)
            {
                continue;
            }

            // Only command comments move the watermark: conversation costs no write.
            _state = _state with { LastCommandId = comment.Id };

            var who = Text.Code(comment.Author);
            if (!cmd.IsValid)
            {
                Note("cmd:" + comment.Id, $"{who}: {Text.Inline(cmd.Error!)}");
                continue;
            }

            if (cmd.Kind is CommandKind.Approve or CommandKind.Reject)
            {
                if (_state.Status != LabelNames.For(IssueStatus.AwaitingApproval) && _state.Status != LabelNames.For(IssueStatus.AwaitingDecision))
                {
                    Note("cmd:" + comment.Id, $"{who}: there is no plan waiting for approval on this issue, so `/{cmd.Name}` did nothing.");
                }

                continue;
            }

            var needed = policies.Approvals.Commands.TryGetValue(cmd.Name, out var level) ? level : RepositoryPermission.Write;
            var has = context.Permissions.GetValueOrDefault(comment.Author, RepositoryPermission.None);
            if (has < needed)
            {
                Note("cmd:" + comment.Id, $"{who}: `/{cmd.Name}` needs {needed.ToString().ToLowerInvariant()} permission on this repository (you have {has.ToString().ToLowerInvariant()}). Ask a maintainer, or see `policies/approvals.yml` (`commands:`).");
                Audit(comment.Author, "refused /" + cmd.Name, "insufficient permission", comment.CreatedAt);
                continue;
            }

            Apply(cmd, comment.Author, comment.CreatedAt);
            _extra.Add(new React(comment.Id, "+1"));
        }
    }

    private void Apply(ParsedCommand cmd, string author, DateTimeOffset at)
    {
        var note = cmd.Argument is { Length: > 0 } a ? Text.Inline(a) : "no reason given";
        switch (cmd.Kind)
        {
            case CommandKind.Hold:
                _hold = true;
                _add.Add(LabelNames.For(IssueStatus.OnHold));
                Audit(author, "hold", note, at);
                break;
            case CommandKind.Unhold:
                _hold = false;
                _remove.Add(LabelNames.For(IssueStatus.OnHold));
                Audit(author, "unhold", note, at);
                break;
            case CommandKind.Retry:
                _retry = true;
                _hold = false;
                _remove.Add(LabelNames.For(IssueStatus.OnHold));
                Audit(author, "retry", "fresh count of failures", at);
                break;
            case CommandKind.Cancel:
                _state = _state with { Override = "cancelled", Summary = Text.Bound($"Cancelled by {author}: {note}", 240) };
                Audit(author, "cancelled", note, at);
                break;
            case CommandKind.Escalate:
                _state = _state with { Override = "escalated" };
                Note("escalate:" + at.ToUnixTimeSeconds(), $"{Text.Mentions(policies.Sla.Managers)}Escalated by {Text.Code(author)}: {note}");
                Audit(author, "escalated", note, at);
                break;
            case CommandKind.Priority when cmd.Priority is { } p:
                _remove.AddRange(_labels.Priorities.Select(x => x.Label).Where(l => l != LabelNames.For(p)));
                _remove.Remove(LabelNames.For(p));
                _add.Remove(LabelNames.For(_priority));
                _add.Add(LabelNames.For(p));
                SetPriority(p, at);
                Audit(author, "priority " + p, "SLA clock restarted", at);
                break;
            case CommandKind.Agent when cmd.Agent is { } agent:
                _remove.AddRange(_labels.AgentOverrides.Select(o => o.Label));
                var label = LabelNames.AgentPrefix + agent["ai-".Length..^"-agent".Length];
                _remove.Remove(label);
                _add.Add(label);
                _labels.AgentOverrides.Clear();
                _labels.AgentOverrides.Add((label, agent));
                Audit(author, "agent " + agent, "routing override", at);
                break;
        }
    }
}
