using System.Diagnostics.CodeAnalysis;

namespace BusinessOps.Policies.Automation;

/// <summary>The automation policies when every file is valid; otherwise null and every error with file:line:column.</summary>
public sealed record AutomationLoadResult(AutomationPolicies? Policies, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Notes)
{
    [MemberNotNullWhen(true, nameof(Policies))]
    public bool IsValid => Policies is not null && Errors.Count == 0;
}
