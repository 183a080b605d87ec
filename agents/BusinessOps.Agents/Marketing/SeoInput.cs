namespace BusinessOps.Agents.Marketing;

/// <summary>The page to analyse.</summary>
internal sealed record SeoInput(string Title, string MetaDescription, string FocusKeyword, string Content);
