namespace BusinessOps.Core.Ports;

/// <summary>What a caller can do about a store failure.</summary>
public enum StoreErrorKind
{
    /// <summary>The issue, comment or repository does not exist (or was deleted meanwhile).</summary>
    NotFound,

    /// <summary>Credentials missing or rejected, or lacking a permission: fix configuration.</summary>
    Unauthorized,

    /// <summary>A rate limit window is open; <see cref="IssueStoreException.RetryAt"/> says until when.</summary>
    RateLimited,

    /// <summary>Temporary: network, 5xx, database busy. Retrying later is right.</summary>
    Transient,

    /// <summary>The request was invalid (bad label, too long, read-only store, newer schema, …).</summary>
    Invalid,
}
