using System.Diagnostics.CodeAnalysis;
using BusinessOps.Core.Policies;

namespace BusinessOps.Policies;

/// <summary>
/// The outcome of <see cref="PolicyLoader"/>: the policies when every file is valid, otherwise null and
/// every error of every file. <see cref="Notes"/> say which embedded defaults stood in for missing files.
/// </summary>
public sealed record PolicyLoadResult(PolicySet? Policies, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Notes)
{
    /// <summary>True when there are no errors; the coordinator acts only on valid policies.</summary>
    [MemberNotNullWhen(true, nameof(Policies))]
    public bool IsValid => Policies is not null && Errors.Count == 0;

    /// <summary>Problems that do not stop the coordinator, such as a file in the policy folder it does not know (a misspelt name).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
