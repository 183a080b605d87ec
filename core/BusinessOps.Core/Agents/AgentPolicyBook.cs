using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Agents;

/// <summary>
/// Everything the policy folder says for the agents: their rules, the comment templates a business edited, the
/// knowledge base and the optional language model. <see cref="For"/> picks what one agent receives in its context.
/// </summary>
public sealed record AgentPolicyBook
{
    public static AgentPolicyBook Default { get; } = new();

    public AgentRules Rules { get; init; } = AgentRules.Default;

    /// <summary>Templates by name (<c>support</c> for <c>templates/support.sbn</c>); absent: the agent's built-in one.</summary>
    public IReadOnlyDictionary<string, CommentTemplate> Templates { get; init; } = new Dictionary<string, CommentTemplate>();

    public IReadOnlyList<KnowledgeArticle> Knowledge { get; init; } = [];

    public LanguageModelPolicy LanguageModel { get; init; } = LanguageModelPolicy.Off;

    /// <summary>The template name of an agent: its short name (<c>ai-support-agent</c> → <c>support</c>).</summary>
    public static string TemplateName(string agent) => agent.StartsWith("ai-", StringComparison.Ordinal) && agent.EndsWith("-agent", StringComparison.Ordinal) ? agent[3..^6] : agent;

    /// <summary>What <paramref name="agent"/> receives, added to <paramref name="policies"/>.</summary>
    public AgentPolicies For(string agent, AgentPolicies policies) => policies with
    {
        Rules = Rules.For(agent),
        Template = Templates.GetValueOrDefault(TemplateName(agent)),
        Knowledge = agent == AgentNames.Support && Knowledge.Count > 0 ? Knowledge : null,
        LanguageModel = LanguageModel.Model is null ? null : LanguageModel,
    };
}
