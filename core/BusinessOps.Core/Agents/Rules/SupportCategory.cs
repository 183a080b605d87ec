namespace BusinessOps.Core.Agents.Rules;

/// <summary>A support category: the queue it goes to, its subcategories (first match wins) and the subcategory when none matches.</summary>
public sealed record SupportCategory(string Name, string Queue, IReadOnlyList<KeywordRule> Subcategories, string Fallback);
