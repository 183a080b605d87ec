namespace BusinessOps.Core.Governance;

/// <summary>What an approval wait has come to.</summary>
public enum TimeoutOutcome
{
    /// <summary>Still within the approval's timeout.</summary>
    None = 0,

    /// <summary>Synchronous timeout: the backup role may now approve too (see <see cref="ApprovalRouter.WidenTo"/>).</summary>
    BackupApprover,

    /// <summary>Asynchronous timeout: do nothing, and say so on the issue.</summary>
    ConservativeDefault,

    /// <summary>Consensus timeout (or a backup fallback without a backup role): escalate to the managers.</summary>
    Escalate,
}
