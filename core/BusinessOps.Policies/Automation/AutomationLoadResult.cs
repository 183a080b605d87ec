using System.Diagnostics.CodeAnalysis;

namespace BusinessOps.Policies.Automation;

/// <summary>The automation policies when every file is valid; otherwise null and every error with file:line:column.</summary>
public sealed record AutomationLoadResult(AutomationPolicies? Policies, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Steps, triggers and templates the shipped agents cannot serve (a required field not supplied, an output no agent
    /// writes, a review that cannot pass): errors for <c>policies validate</c>; the engine itself still loads them.
    /// </summary>
    public IReadOnlyList<PolicyError> ContractErrors { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Policies))]
    public bool IsValid => Policies is not null && Errors.Count == 0;
}
