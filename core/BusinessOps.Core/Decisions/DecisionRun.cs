using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.Core.Time;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// One evaluation of one issue: the lifecycle of ARCHITECTURE.md §4 as small steps — commands, priority, hold,
/// routing, dispatch, results, the autonomy gate and approvals, retries, the SLA clock.
/// </summary>
internal sealed partial class DecisionRun(IssueSnapshot issue, PolicySet policies, DateTimeOffset now, DecisionContext context)
{
    private const int MaxAudit = 20;

    // Lambda runs at most 15 minutes and retries a failed asynchronous event twice (about 1 and 2 minutes later).
    private static readonly TimeSpan LambdaSilence = TimeSpan.FromMinutes(30);
    private readonly IssueHistory _history = IssueHistory.Read(issue, policies.Identity);
    private readonly LabelView _labels = LabelView.Parse(issue.Labels, policies.Routing);
    private readonly List<string> _add = [];
    private readonly List<string> _remove = [];
    private readonly List<OpsAction> _extra = [];
    private readonly List<string> _lookups = [];
    private DispatchAgent? _dispatch;
    private OpsState _state = null!;
    private Priority _priority;
    private string? _agent;
    private bool? _hold;
    private bool _retry;

    public void Execute()
    {
        _state = _history.State;
        if (!CollectLookups())
        {
            return;
        }

        ResolvePriority();
        HandleCommands();
        if (_hold ?? _labels.Statuses.Any(s => s.Status == IssueStatus.OnHold))
        {
            SetStatus(IssueStatus.OnHold);
            return;
        }

        if (_state.Override is { } chosen && !_retry)
        {
            SetStatus(chosen == "escalated" ? IssueStatus.Escalated : IssueStatus.Done);
            return;
        }

        Lifecycle();
        ApplySla();
    }

    private void Lifecycle()
    {
        if (_retry)
        {
            _state = _state with { Failures = 0, NotBefore = null, Override = null };
            var phase = _state.Phase == IdempotencyKey.ExecutePhase && _state.PlanHash is not null ? IdempotencyKey.ExecutePhase : IdempotencyKey.PlanPhase;
            _agent = null;
            StartOrTriage(_state.Attempt + 1, phase);
            return;
        }

        var result = _history.ResultFor(_state.Key);
        if (_state.Key is null)
        {
            StartOrTriage(1, IdempotencyKey.PlanPhase);
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
                var keep = LabelNames.For(_priority);
                _remove.AddRange(_labels.Priorities.Where(p => p.Label != keep).Select(p => p.Label));
                if (!_labels.Priorities.Any(p => p.Label == keep))
                {
                    _add.Add(keep);
                }

                var all = string.Join(", ", _labels.Priorities.Select(p => Text.Code(p.Label)));
                Note(
                    "priority-conflict:" + string.Join('+', _labels.Priorities.Select(p => p.Label)),
                    $"This issue had more than one priority label ({all}). The most urgent one, {Text.Code(keep)}, is kept and the others were removed. To change it, comment `/priority P0..P3` or swap the label.");
            }
        }

        SetPriority(_priority, _state.Priority is null ? issue.CreatedAt : now);
    }

    /// <summary>The SLA clock starts when the issue gets its priority: at filing for labels present from the start.</summary>
    private void SetPriority(Priority priority, DateTimeOffset at)
    {
        _priority = priority;
        if (_state.Priority != priority.ToString())
        {
            _state = _state with { Priority = priority.ToString(), PriorityAt = at };
        }
    }

    private void StartOrTriage(int attempt, string phase)
    {
        if (Triage() is { } reason)
        {
            _state = _state with { Triage = reason };
            SetStatus(IssueStatus.NeedsTriage);
            return;
        }

        Dispatch(attempt, phase);
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
            InputHash = phase == IdempotencyKey.PlanPhase ? InputHash() : _state.InputHash,
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

            if (report.State == "NOT_FOUND")
            {
                // Recorded but never started (the pass stopped between intent and dispatch): same key again, idempotently.
                _agent = _state.Agent;
                _dispatch = new DispatchAgent(_agent!, _state.Key!, _state.Attempt, _state.Phase ?? IdempotencyKey.PlanPhase, _priority, _labels.Clients.FirstOrDefault());
                return;
            }

            if (report.Stuck)
            {
                Note("stuck:" + _state.Key, $"The dispatch `{_state.Key}` has been waiting to start since {Text.Time(_state.DispatchedAt ?? now)}: {Text.Inline(report.Message ?? "no capacity")}. It will keep waiting; check the job queue.");
            }
        }
        else if (_state.Executor == "aws" && policies.Dispatch.For(_priority).Executor == ExecutorKind.Lambda
            && _state.DispatchedAt is { } invoked && now - invoked > LambdaSilence)
        {
            // An asynchronous Invoke reports only through the agent's result; silence past Lambda's 15-minute limit and
            // its own retries means the run was lost. A new attempt has a new key, so a late result cannot count twice.
            OnFailure(_state.Key!, $"no result from Lambda within {Durations.Words(LambdaSilence)}", now, first: _state.SettledKey != _state.Key);
            return;
        }
        else if (_state.Executor == "local" && _state.DispatchedAt is { } at && now - at > policies.Dispatch.Local.Timeout + TimeSpan.FromMinutes(5))
        {
            // A local run finishes or is killed within its timeout; no result long after means the coordinator died mid-run.
            OnFailure(_state.Key!, $"no result within {Durations.Words(policies.Dispatch.Local.Timeout)} (the run was lost, e.g. the coordinator stopped)", now, first: _state.SettledKey != _state.Key);
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

        if (result.Outcome == AgentOutcome.Failed)
        {
            if (result.Permanent && result.Infrastructure)
            {
                OnBrokenInfrastructure(key, result.Error ?? "the executor rejected the dispatch", first);
            }
            else if (result.Permanent)
            {
                OnBadInput();
            }
            else
            {
                OnFailure(key, result.Error ?? "the agent reported a failure", _history.ResultTime(key) ?? now, first);
            }

            return;
        }

        _state = _state with { Failures = 0 };
        if (_state.Phase == IdempotencyKey.ExecutePhase)
        {
            Finish(key);
        }
        else
        {
            Gate(result);
        }
    }

    /// <summary>Bad input is never retried as is; an edit of the title or body earns a fresh attempt.</summary>
    private void OnBadInput()
    {
        if (_state.InputHash is not null && _state.InputHash != InputHash())
        {
            _agent = null;
            StartOrTriage(_state.Attempt + 1, IdempotencyKey.PlanPhase);
            return;
        }

        _state = _state with { Triage = "bad input" };
        SetStatus(IssueStatus.NeedsTriage);
    }

    /// <summary>
    /// The dispatch itself cannot work until someone fixes the setup (a missing function, queue or permission):
    /// failed, said once, and no automatic retry — retrying would only storm. <c>/retry</c> after the fix.
    /// </summary>
    private void OnBrokenInfrastructure(string key, string error, bool first)
    {
        if (first)
        {
            _state = _state with { Failures = _state.Failures + 1, Summary = Text.Bound("Dispatch failed: " + error, 240) };
            Audit("coordinator", "dispatch failed", error);
        }

        Note(
            "infra:" + key,
            $"{Text.Mentions(policies.Sla.Managers)}I could not start {Text.Code(_state.Agent ?? "the agent")}: {Text.Inline(error)}. This needs a fix in the deployment, not in the issue; I will not retry on my own. Comment `/retry` once it is fixed.");
        SetStatus(IssueStatus.Failed);
    }

    // first: true the first time this key's failure is seen, so it is counted once.
    private void OnFailure(string key, string error, DateTimeOffset failedAt, bool first)
    {
        if (first)
        {
            _state = _state with { Failures = _state.Failures + 1, SettledKey = key, Summary = Text.Bound("Failed: " + error, 240) };
        }

        var retry = policies.Dispatch.Retry;
        if (RetrySchedule.ShouldEscalate(_state.Failures, retry))
        {
            Note(
                "escalated:" + key,
                $"{Text.Mentions(policies.Sla.Managers)}This issue failed {_state.Failures} times in a row and is escalated. Last error: {Text.Inline(error)}. Comment `/retry` to start a fresh count once the cause is fixed.");
            if (first)
            {
                Audit("coordinator", "escalated", $"{_state.Failures} consecutive failures");
            }

            SetStatus(IssueStatus.Escalated);
            return;
        }

        var notBefore = _state.NotBefore ?? RetrySchedule.NextAttemptAt(_state.Failures, failedAt, key, retry);
        _state = _state with { NotBefore = notBefore };
        if (now >= notBefore)
        {
            _agent = _state.Agent;
            var phase = IdempotencyKey.TryParse(key, out var k) ? k.Phase : IdempotencyKey.PlanPhase;
            Dispatch(_state.Attempt + 1, phase);
            return;
        }

        SetStatus(IssueStatus.Failed);
    }

    /// <summary>Done. A deterministic sample of finished work is flagged for human review.</summary>
    private void Finish(string key)
    {
        SetStatus(IssueStatus.Done);
        if (ReviewSample.IsSelected(key, policies.Autonomy.Risk.ReviewSampleRate))
        {
            _add.Add(LabelNames.ReviewRequested);
        }
    }

    /// <summary>Changes when the title or body is edited (SHA-256 over the raw UTF-16, no copies): detects a fixed bad input.</summary>
    private string InputHash()
    {
        Span<byte> title = stackalloc byte[32];
        Span<byte> body = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(issue.Title.AsSpan()), title);
        System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(issue.Body.AsSpan()), body);
        for (var i = 0; i < 6; i++)
        {
            title[i] ^= body[i];
        }

        return Convert.ToHexStringLower(title[..6]);
    }

    private void Note(string key, string body)
    {
        if (!_history.HasNote(key) && !_extra.Any(a => a is PostComment p && p.NoteKey == key))
        {
            _extra.Add(new PostComment(key, body + "\n\n" + IssueHistory.NoteMarker(key)));
        }
    }

    private void Audit(string actor, string decision, string reason, DateTimeOffset? at = null)
    {
        var entries = _state.Audit ?? [];
        var entry = new AuditEntry(at ?? now, actor, decision, Text.Bound(reason, 200));
        _state = _state with { Audit = [.. entries.Skip(Math.Max(0, entries.Count - (MaxAudit - 1))), entry] };
    }

    private void SetStatus(IssueStatus status)
    {
        _state = _state with { Status = LabelNames.For(status) };
    }
}
