namespace BusinessOps.Core.Comments;

/// <summary>
/// The coordinator's comments a business may reword, each <c>policies/templates/coordinator/&lt;name&gt;.sbn</c>, named by
/// what the comment is about (<c>routing-…</c>, <c>client-…</c>, <c>plan-…</c>, …); the shipped copies list the values each
/// template receives, and <c>policies/README.md</c> lists them all.
/// </summary>
public static class CommentNames
{
    /// <summary>The one status comment per issue (its hidden state marker is appended by the code).</summary>
    public const string Status = "status";

    /// <summary>The reply to a command that does not parse (unknown command, bad argument): what is valid.</summary>
    public const string CommandHelp = "command-help";

    /// <summary>The reply to <c>/approve</c> or <c>/reject</c> when no plan waits.</summary>
    public const string NothingToApprove = "nothing-to-approve";

    /// <summary>The reply to a command its author lacks the permission for.</summary>
    public const string CommandRefused = "command-refused";

    /// <summary>The note of a <c>/escalate</c>.</summary>
    public const string Escalated = "escalated";

    /// <summary>The note of a breached SLA.</summary>
    public const string SlaBreached = "sla-breached";

    /// <summary>Labels the coordinator does not understand: routing stops until they are fixed.</summary>
    public const string RoutingUnknownLabels = "routing-unknown-labels";

    /// <summary>More than one <c>agent/…</c> label.</summary>
    public const string RoutingAgentConflict = "routing-agent-conflict";

    /// <summary>No routing label and no agent named: which labels route.</summary>
    public const string RoutingNoLabel = "routing-no-label";

    /// <summary>Routing labels that point to different agents.</summary>
    public const string RoutingConflict = "routing-conflict";

    /// <summary>The agent the issue routes to is switched off in <c>autonomy.yml</c>.</summary>
    public const string RoutingAgentDisabled = "routing-agent-disabled";

    /// <summary>More than one priority label: the most urgent is kept.</summary>
    public const string PriorityConflict = "priority-conflict";

    /// <summary>More than one <c>client/…</c> label.</summary>
    public const string ClientAmbiguous = "client-ambiguous";

    /// <summary>A <c>client/…</c> label without a profile in <c>tenants.yml</c>.</summary>
    public const string ClientUnknown = "client-unknown";

    /// <summary>The issue asks for another client's data.</summary>
    public const string ClientRefused = "client-refused";

    /// <summary>The client spent its daily limit: the run waits for tomorrow.</summary>
    public const string ClientSpendLimit = "client-spend-limit";

    /// <summary>The client has its maximum of issues in flight: the run waits its turn.</summary>
    public const string ClientAtLimit = "client-at-limit";

    /// <summary>A dispatch that has waited long to start (a full job queue).</summary>
    public const string DispatchStuck = "dispatch-stuck";

    /// <summary>The agent could not be started (deployment problem): no automatic retry.</summary>
    public const string DispatchStartFailed = "dispatch-start-failed";

    /// <summary>Too many failures in a row: the issue is escalated.</summary>
    public const string FailuresEscalated = "failures-escalated";

    /// <summary>The hidden state of the status comment was rebuilt.</summary>
    public const string StateRebuilt = "state-rebuilt";

    /// <summary>A plan whose effects cannot be run as recorded: nothing of it runs.</summary>
    public const string PlanRefused = "plan-refused";

    /// <summary>The title or body changed after the plan was made: the plan and its approvals are void.</summary>
    public const string PlanVoidEdited = "plan-void-edited";

    /// <summary>The recorded plan is not the one gated any more: void, and a new plan.</summary>
    public const string PlanVoidChanged = "plan-void-changed";

    /// <summary>The note under a plan whose effects cannot run here (connector off, not configured, or a bad parameter).</summary>
    public const string PlanNotReady = "plan-not-ready";

    /// <summary>The reply to an <c>/approve</c> or <c>/reject</c> that did not count, with who may approve.</summary>
    public const string ApprovalIgnored = "approval-ignored";

    /// <summary>The approval timed out and the backup approvers may approve now.</summary>
    public const string ApprovalBackup = "approval-backup";

    /// <summary>The risks that make this plan need approval.</summary>
    public const string ApprovalRisks = "approval-risks";

    /// <summary>The approval timed out: nothing was executed (conservative default).</summary>
    public const string ApprovalTimeout = "approval-timeout";

    /// <summary>The approval timed out and the issue is escalated.</summary>
    public const string ApprovalTimeoutEscalated = "approval-timeout-escalated";

    /// <summary>The approved plan stopped on an error retrying cannot fix.</summary>
    public const string EffectsStopped = "effects-stopped";

    /// <summary>An effect whose outcome is unknown: a person checks and says <c>/effect eN done|not-done</c>.</summary>
    public const string EffectUnsure = "effect-unsure";

    /// <summary>The reply to an <c>/effect</c> that changed nothing.</summary>
    public const string EffectUnchanged = "effect-unchanged";

    /// <summary>The reply to an <c>/effect</c> that was recorded.</summary>
    public const string EffectRecorded = "effect-recorded";

    /// <summary>A failed result's report may not run (financial, not ready, or needs approval).</summary>
    public const string FailureReportHeld = "failure-report-held";

    /// <summary>Reporting the failure did not complete.</summary>
    public const string FailureReportIncomplete = "failure-report-incomplete";

    /// <summary>The result comment's frame around an agent's report: headings, outputs table, confidence, cost, key.</summary>
    public const string Result = "result";

    /// <summary>The result comment of a run that produced no result (could not start, crashed, hung).</summary>
    public const string ResultFailed = "result-failed";

    /// <summary>The note at the end of a report cut to fit in one comment.</summary>
    public const string ResultTruncated = "result-truncated";

    /// <summary>The folder under <c>policies/</c>.</summary>
    public const string Folder = "templates/coordinator";

    public static IReadOnlyList<string> All { get; } =
    [
        Status, CommandHelp, NothingToApprove, CommandRefused, Escalated, SlaBreached,
        RoutingUnknownLabels, RoutingAgentConflict, RoutingNoLabel, RoutingConflict, RoutingAgentDisabled, PriorityConflict,
        ClientAmbiguous, ClientUnknown, ClientRefused, ClientSpendLimit, ClientAtLimit,
        DispatchStuck, DispatchStartFailed, FailuresEscalated, StateRebuilt,
        PlanRefused, PlanVoidEdited, PlanVoidChanged, PlanNotReady,
        ApprovalIgnored, ApprovalBackup, ApprovalRisks, ApprovalTimeout, ApprovalTimeoutEscalated,
        EffectsStopped, EffectUnsure, EffectUnchanged, EffectRecorded, FailureReportHeld, FailureReportIncomplete,
        Result, ResultFailed, ResultTruncated,
    ];
}
