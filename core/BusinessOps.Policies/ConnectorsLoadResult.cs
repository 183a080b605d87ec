using System.Diagnostics.CodeAnalysis;
using BusinessOps.Core.Policies;

namespace BusinessOps.Policies;

/// <summary>The outcome of loading <c>connectors.yml</c>: the policy when valid, otherwise null and every error with file:line:column.</summary>
public sealed record ConnectorsLoadResult(ConnectorsPolicy? Policy, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Notes)
{
    /// <summary>True when there are no errors; effects run only on a valid policy.</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
