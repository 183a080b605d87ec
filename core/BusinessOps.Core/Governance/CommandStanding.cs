namespace BusinessOps.Core.Governance;

/// <summary>Whether a parsed command may act.</summary>
public enum CommandStanding
{
    /// <summary>Valid, and the author holds the command's permission: act on it (and acknowledge).</summary>
    Allowed = 0,

    /// <summary>Unknown command or bad arguments: reply with the error, do nothing else.</summary>
    Invalid,

    /// <summary>From the coordinator itself or a bot: no action and no reply (replying could loop).</summary>
    Ignored,

    /// <summary>The author lacks the permission: reply saying who may do it.</summary>
    Unauthorized,

    /// <summary>The author's permission is not known yet: look it up, then check again.</summary>
    NeedsPermissionLookup,
}
