namespace BusinessOps.Core.Agents.Rules;

/// <summary>From <see cref="FromDay"/> after a failed payment the account gets <see cref="Restriction"/> (<c>none</c>, <c>rate-limited</c>, <c>suspended</c>).</summary>
public sealed record GraceRestriction(int FromDay, string Restriction);
