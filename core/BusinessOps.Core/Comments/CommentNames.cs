namespace BusinessOps.Core.Comments;

/// <summary>
/// The coordinator's comments a business may reword, each <c>policies/templates/coordinator/&lt;name&gt;.sbn</c>; the
/// shipped copies list the values each template receives.
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

    /// <summary>The reply to an <c>/approve</c> or <c>/reject</c> that did not count, with who may approve.</summary>
    public const string ApprovalIgnored = "approval-ignored";

    /// <summary>The note of a <c>/escalate</c>.</summary>
    public const string Escalated = "escalated";

    /// <summary>The note of a breached SLA.</summary>
    public const string SlaBreached = "sla-breached";

    /// <summary>The note under a plan whose effects cannot run here (connector off, not configured, or a bad parameter).</summary>
    public const string PlanNotReady = "plan-not-ready";

    /// <summary>The folder under <c>policies/</c>.</summary>
    public const string Folder = "templates/coordinator";

    public static IReadOnlyList<string> All { get; } = [Status, CommandHelp, NothingToApprove, CommandRefused, ApprovalIgnored, Escalated, SlaBreached, PlanNotReady];
}
