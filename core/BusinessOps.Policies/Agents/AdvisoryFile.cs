using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Policies.Agents;

/// <summary>The shape of <c>advisories.yml</c>: one <c>advisories:</c> list.</summary>
internal sealed record AdvisoryFile(IReadOnlyList<Advisory> Advisories);
