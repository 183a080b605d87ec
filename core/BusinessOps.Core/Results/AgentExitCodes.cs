namespace BusinessOps.Core.Results;

/// <summary>Named exit codes of the agent contract.</summary>
public static class AgentExitCodes
{
    /// <summary>Result printed (completed, needs-approval or needs-decision).</summary>
    public const int Ok = 0;

    /// <summary>Transient failure: the coordinator retries with backoff.</summary>
    public const int Transient = 1;

    /// <summary>Bad input: permanent, the issue goes to needs-triage.</summary>
    public const int BadInput = 2;
}
