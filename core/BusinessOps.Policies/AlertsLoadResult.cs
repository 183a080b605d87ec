using System.Diagnostics.CodeAnalysis;
using BusinessOps.Core.Policies;

namespace BusinessOps.Policies;

/// <summary>
/// The outcome of loading <c>alerts.yml</c>: the policy when valid (else null and every error with file:line:column),
/// and <see cref="Warnings"/> — an on-call that is still the shipped placeholder.
/// </summary>
public sealed record AlertsLoadResult(AlertsPolicy? Policy, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Notes, IReadOnlyList<string> Warnings)
{
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
