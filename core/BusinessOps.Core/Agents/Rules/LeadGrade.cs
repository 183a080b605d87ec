namespace BusinessOps.Core.Agents.Rules;

/// <summary>A lead score at least <see cref="Min"/> gets <see cref="Grade"/> and <see cref="NextAction"/>.</summary>
public sealed record LeadGrade(int Min, string Grade, string NextAction);
