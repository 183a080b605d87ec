namespace BusinessOps.Core.Governance;

/// <summary>The slash commands humans steer an issue with (issue 5, "Commands").</summary>
public enum CommandKind
{
    /// <summary>A <c>/word</c> that is not one of ours; the parsed command carries an error reply.</summary>
    Unknown = 0,
    Approve,
    Reject,
    Retry,
    Hold,
    Unhold,
    Cancel,
    Priority,
    Escalate,
    Agent,

    /// <summary><c>/effect e2 done|not-done</c>: a person says what happened to an effect whose outcome is unknown.</summary>
    Effect,

    /// <summary><c>/help</c>: answered with the valid commands; needs no permission and changes nothing.</summary>
    Help,
}
