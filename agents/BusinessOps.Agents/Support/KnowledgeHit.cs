using BusinessOps.Core.Agents;

namespace BusinessOps.Agents.Support;

/// <summary>A knowledge article ranked for a ticket: its BM25 score and the share of the ticket's search terms it contains.</summary>
internal sealed record KnowledgeHit(KnowledgeArticle Article, double Score, double Coverage);
