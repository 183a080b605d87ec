namespace BusinessOps.Agents.Support;

/// <summary>The drafted answer from the knowledge base: the text, the articles it cites, and whether it may close the ticket alone.</summary>
internal sealed record SupportAnswer(string Text, IReadOnlyList<KnowledgeHit> Sources, bool AutoResolve, string Reason);
