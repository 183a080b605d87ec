namespace BusinessOps.Core.Agents;

/// <summary>One article of the support knowledge base (<c>policies/knowledge/*.md</c>): cited by <see cref="Source"/>.</summary>
/// <param name="Source">The file, e.g. <c>knowledge/refunds.md</c>.</param>
/// <param name="Title">The first heading, else the file name.</param>
/// <param name="Text">The Markdown text.</param>
public sealed record KnowledgeArticle(string Source, string Title, string Text);
