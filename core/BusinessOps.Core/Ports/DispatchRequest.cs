using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Ports;

/// <summary>One agent run to start. <see cref="Key"/> is the idempotency key; <see cref="Tenant"/> the <c>client/*</c> id, if any.</summary>
public sealed record DispatchRequest(
    string Key,
    string Agent,
    string Repository,
    IssueSnapshot Issue,
    int Attempt,
    string Phase,
    Priority Priority,
    string? Tenant);
