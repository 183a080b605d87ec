namespace BusinessOps.Core.Agents.Rules;

/// <summary>A ticket of <see cref="Severity"/> (or <c>any</c>) still open after <see cref="AfterHours"/> gets <see cref="Action"/>.</summary>
public sealed record TimeEscalationRule(string Severity, double AfterHours, string Action);
