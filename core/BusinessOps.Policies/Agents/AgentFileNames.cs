namespace BusinessOps.Policies.Agents;

/// <summary>The agents' own policy files and folders, read by <see cref="AgentPolicyLoader"/>; every one is optional.</summary>
public static class AgentFileNames
{
    public const string Support = "support.yml";
    public const string Finance = "finance.yml";
    public const string CustomerSuccess = "customer-success.yml";
    public const string Analytics = "analytics.yml";
    public const string Pricing = "pricing.yml";
    public const string Advisories = "advisories.yml";
    public const string Delivery = "delivery.yml";
    public const string Operations = "operations.yml";
    public const string Marketing = "marketing.yml";
    public const string Manager = "manager.yml";
    public const string LanguageModel = "language-model.yml";

    /// <summary>Comment templates, <c>&lt;name&gt;.sbn</c> (Scriban).</summary>
    public const string TemplatesFolder = "templates";

    /// <summary>The support knowledge base, <c>*.md</c>.</summary>
    public const string KnowledgeFolder = "knowledge";

    /// <summary>Most knowledge articles read.</summary>
    public const int MaxArticles = 5_000;

    /// <summary>Largest article or template, in characters.</summary>
    public const int MaxTextChars = 256 * 1024;

    public static IReadOnlyList<string> All { get; } = [Support, Finance, CustomerSuccess, Analytics, Pricing, Advisories, Delivery, Operations, Marketing, Manager, LanguageModel];
}
