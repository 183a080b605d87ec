namespace BusinessOps.Core.Ports;

/// <summary>How a sub-issue link ended. Linked and refused are settled (nothing to try again); unsupported: the store has none.</summary>
public enum SubIssueLinkOutcome
{
    /// <summary>The child is now a sub-issue of the parent.</summary>
    Linked,

    /// <summary>GitHub answered 404 (no sub-issues API, e.g. an Enterprise Server without them), 403 or 422 (a parent already, the limit): the task list is the link.</summary>
    Refused,

    /// <summary>The store has no sub-issues (the local store): no request was made.</summary>
    Unsupported,
}
