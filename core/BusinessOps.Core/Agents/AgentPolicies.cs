using BusinessOps.Core.Agents.Rules;


namespace BusinessOps.Core.Agents;

/// <summary>The policies an agent applies; each is null when the agent does not need it (the agent then uses the default).</summary>
public sealed record AgentPolicies
{
    /// <summary><c>quality-gates.yml</c>, for the QA agent.</summary>
    public QualityGatesPolicy? QualityGates { get; init; }

    /// <summary><c>routing.yml</c>'s triage keywords with the agent each label routes to, for the manager's triage.</summary>
    public IReadOnlyList<TriageRoute>? Triage { get; init; }

    /// <summary>Which address ranges an agent may reach over the network (<c>dispatch.yml</c> <c>network:</c>).</summary>
    public NetworkPolicy? Network { get; init; }

    /// <summary>The agent's own rules (<c>support.yml</c>, <c>finance.yml</c>, …), for the agent they belong to.</summary>
    public AgentRules? Rules { get; init; }

    /// <summary>The agent's comment template from <c>policies/templates/</c>, when the business has one.</summary>
    public CommentTemplate? Template { get; init; }

    /// <summary><c>policies/knowledge/*.md</c>, for the support agent's answers.</summary>
    public IReadOnlyList<KnowledgeArticle>? Knowledge { get; init; }

    /// <summary>The optional language model (<c>language-model.yml</c>); null or no model: deterministic text only.</summary>
    public LanguageModelPolicy? LanguageModel { get; init; }
}
