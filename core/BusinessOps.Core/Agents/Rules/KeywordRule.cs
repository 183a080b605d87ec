namespace BusinessOps.Core.Agents.Rules;

/// <summary>A name and the words or phrases that point to it (whole words, case-insensitive, a plural <c>s</c> allowed).</summary>
public sealed record KeywordRule(string Name, IReadOnlyList<string> Keywords);
