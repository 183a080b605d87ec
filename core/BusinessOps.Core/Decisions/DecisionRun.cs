using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>One evaluation of one issue: the lifecycle of ARCHITECTURE.md §4 as a sequence of small steps.</summary>
internal sealed partial class DecisionRun(IssueSnapshot issue, PolicySet policies, DateTimeOffset now, DecisionContext context)
{
    private readonly IssueHistory _history = IssueHistory.Read(issue, policies.Identity);
    private readonly LabelView _labels = LabelView.Parse(issue.Labels, policies.Routing);
    private readonly List<string> _add = [];
    private readonly List<string> _remove = [];
    private readonly List<PostComment> _notes = [];
    private DispatchAgent? _dispatch;
    private OpsState _state = null!;
    private Priority _priority;
    private string? _agent;

    public void Execute()
    {
        _state = _history.State;
        ResolvePriority();
        if (IsOnHold())
        {
            SetStatus(IssueStatus.OnHold);
            return;
        }

        var result = _history.ResultFor(_state.Key);
        if (_state.Key is null)
        {
            StartOrTriage(1);
        }
        else if (result is null)
        {
            InFlight();
        }
        else
        {
            OnResult(result);
        }
    }

    /// <summary>Most urgent priority wins (documented rule); a missing one gets the policy default.</summary>
    private void ResolvePriority()
    {
        if (_labels.Priorities.Count == 0)
        {
            _priority = policies.Sla.DefaultPriority;
            _add.Add(LabelNames.For(_priority));
        }
        else
        {
            _priority = _labels.Priorities.Min(p => p.Priority);
            if (_labels.Priorities.Count > 1)
            {
                var extra = _labels.Priorities.Where(p => p.Priority != _priority || p.Label != LabelNames.For(_priority)).Select(p => p.Label).ToList();
                _remove.AddRange(extra);
                if (!_labels.Priorities.Any(p => p.Label == LabelNames.For(_priority)))
                {
                    _add.Add(LabelNames.For(_priority));
                }

                var all = string.Join(", ", _labels.Priorities.Select(p => Text.Code(p.Label)));
                Note(
                    "priority-conflict:" + string.Join('+', _labels.Priorities.Select(p => p.Label)),
                    $"This issue had more than one priority label ({all}). The most urgent one, {Text.Code(LabelNames.For(_priority))}, is kept and the others were removed. To change it, comment `/priority P0..P3` or swap the label.");
            }
        }

        var name = _priority.ToString();
        if (_state.Priority != name)
        {
            // The SLA clock starts when the issue gets its priority: at filing for labels present from the start.
            var at = _state.Priority is null ? issue.CreatedAt : now;
            _state = _state with { Priority = name, PriorityAt = at };
        }
    }

    private bool IsOnHold() => _labels.Statuses.Any(s => s.Status == IssueStatus.OnHold);

    private void StartOrTriage(int attempt)
    {
        if (Triage() is { } reason)
        {
            _state = _state with { Triage = reason };
            SetStatus(IssueStatus.NeedsTriage);
            return;
        }

        Dispatch(attempt, IdempotencyKey.PlanPhase);
    }

    private void Dispatch(int attempt, string phase)
    {
        var key = new IdempotencyKey(policies.Repository, issue.Number, attempt, phase).ToString();
        _state = _state with
        {
            Agent = _agent,
            Key = key,
            Attempt = attempt,
            Phase = phase,
            DispatchedAt = now,
            Executor = context.Executor,
            ExternalId = null,
            NotBefore = null,
            Triage = null,
            InputHash = InputHash(),
            Summary = attempt == 1 && phase == IdempotencyKey.PlanPhase ? null : _state.Summary,
        };
        _dispatch = new DispatchAgent(_agent!, key, attempt, phase, _priority, _labels.Clients.FirstOrDefault());
        SetStatus(context.DispatchImmediately ? IssueStatus.InProgress : IssueStatus.Queued);
    }

    private void InFlight()
    {
        _agent = _state.Agent;
        if (context.Reports.TryGetValue(_state.Key!, out var report))
        {
            if (report.Failed)
            {
                OnFailure(_state.Key!, report.Message ?? "the run failed outside the agent", now, first: _state.SettledKey != _state.Key);
                return;
            }

            if (report.Stuck)
            {
                Note("stuck:" + _state.Key, $"The dispatch `{_state.Key}` has been waiting to start since {Text.Time(_state.DispatchedAt ?? now)}: {Text.Inline(report.Message ?? "no capacity")}. It will keep waiting; check the job queue.");
            }
        }
        else if (_state.Executor == "local" && _state.DispatchedAt is { } at && now - at > policies.Dispatch.Local.Timeout + TimeSpan.FromMinutes(5))
        {
            // A local run finishes or is killed within its timeout; no result long after means the coordinator died mid-run.
            OnFailure(_state.Key!, $"no result within {Text.Duration(policies.Dispatch.Local.Timeout)} (the run was lost, e.g. the coordinator stopped)", now, first: _state.SettledKey != _state.Key);
            return;
        }

        // Queued until the shell starts the run, in progress after: both are consistent while no result is in.
        if (_state.Status != LabelNames.For(IssueStatus.Queued))
        {
            SetStatus(IssueStatus.InProgress);
        }
    }

    private void OnResult(ResultRecord result)
    {
        _agent = _state.Agent ?? result.Agent;
        var key = result.Key;
        var first = _state.SettledKey != key;
        if (first)
        {
            _state = _state with
            {
                SettledKey = key,
                CostUsd = _state.CostUsd + result.CostUsd,
                CostAt = _history.ResultTime(key) ?? now,
                Summary = Text.Bound(result.Summary ?? result.Error ?? result.Outcome.ToString(), 240),
            };
        }

        switch (result.Outcome)
        {
            case AgentOutcome.Completed:
                _state = _state with { Failures = 0 };
                SetStatus(IssueStatus.Done);
                break;
            case AgentOutcome.NeedsApproval:
                SetStatus(IssueStatus.AwaitingApproval);
                break;
            case AgentOutcome.NeedsDecision:
                SetStatus(IssueStatus.AwaitingDecision);
                break;
            default:
                if (result.Permanent)
                {
                    OnBadInput();
                }
                else
                {
                    OnFailure(key, result.Error ?? "the agent reported a failure", _history.ResultTime(key) ?? now, first);
                }

                break;
        }
    }

    /// <summary>Bad input is never retried as is; an edit of the title or body earns a fresh attempt.</summary>
    private void OnBadInput()
    {
        if (_state.InputHash is not null && _state.InputHash != InputHash())
        {
            _agent = null;
            StartOrTriage(_state.Attempt + 1);
            return;
        }

        _state = _state with { Triage = "bad input" };
        SetStatus(IssueStatus.NeedsTriage);
    }

    // first: true the first time this key's failure is seen, so it is counted once.
    private void OnFailure(string key, string error, DateTimeOffset failedAt, bool first)
    {
        if (first)
        {
            _state = _state with { Failures = _state.Failures + 1, SettledKey = key, Summary = Text.Bound("Failed: " + error, 240) };
        }

        var retry = policies.Dispatch.Retry;
        if (_state.Failures >= retry.MaxConsecutiveFailures)
        {
            var managers = Text.Mentions(policies.Sla.Managers);
            Note(
                "escalated:" + key,
                $"{managers}This issue failed {_state.Failures} times in a row and is escalated. Last error: {Text.Inline(error)}. Comment `/retry` to start a fresh count once the cause is fixed.");
            SetStatus(IssueStatus.Escalated);
            return;
        }

        var notBefore = _state.NotBefore ?? failedAt + Backoff.Delay(_state.Failures, key, retry);
        _state = _state with { NotBefore = notBefore };
        if (now >= notBefore)
        {
            _agent = _state.Agent;
            Dispatch(_state.Attempt + 1, IdempotencyKey.PlanPhase);
            return;
        }

        SetStatus(IssueStatus.Failed);
    }

    private string InputHash() => Governance.PlanHashing.Compute(issue.Title + "\n" + issue.Body);

    private void Note(string key, string body)
    {
        if (!_history.HasNote(key))
        {
            _notes.Add(new PostComment(key, body + "\n\n" + IssueHistory.NoteMarker(key)));
        }
    }

    private void SetStatus(IssueStatus status)
    {
        _state = _state with { Status = LabelNames.For(status) };
    }
}
