namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// Every agent's own rules, one property per policy file. The coordinator hands an agent only its own (<see cref="For"/>);
/// an agent reading a null property uses the built-in default.
/// </summary>
public sealed record AgentRules
{
    public static AgentRules Default { get; } = new()
    {
        Support = SupportRules.Default,
        Finance = FinanceRules.Default,
        CustomerSuccess = CustomerSuccessRules.Default,
        Analytics = AnalyticsRules.Default,
        Sales = SalesRules.Default,
        Advisories = [],
        Delivery = DeliveryRules.Default,
        Operations = OperationsRules.Default,
        Marketing = MarketingRules.Default,
        Manager = ManagerRules.Default,
    };

    public SupportRules? Support { get; init; }

    public FinanceRules? Finance { get; init; }

    public CustomerSuccessRules? CustomerSuccess { get; init; }

    public AnalyticsRules? Analytics { get; init; }

    public SalesRules? Sales { get; init; }

    public IReadOnlyList<Advisory>? Advisories { get; init; }

    public DeliveryRules? Delivery { get; init; }

    public OperationsRules? Operations { get; init; }

    public MarketingRules? Marketing { get; init; }

    public ManagerRules? Manager { get; init; }

    /// <summary>Only what <paramref name="agent"/> applies.</summary>
    public AgentRules For(string agent) => agent switch
    {
        "ai-support-agent" => new() { Support = Support },
        "ai-finance-agent" => new() { Finance = Finance },
        "ai-customer-success-agent" => new() { CustomerSuccess = CustomerSuccess },
        "ai-analytics-agent" => new() { Analytics = Analytics },
        "ai-sales-agent" => new() { Sales = Sales },
        "ai-security-agent" => new() { Advisories = Advisories },
        "ai-developer-agent" or "ai-devops-agent" or "ai-project-manager-agent" => new() { Delivery = Delivery },
        "ai-operations-agent" => new() { Operations = Operations },
        "ai-marketing-agent" => new() { Marketing = Marketing },
        "ai-manager-agent" => new() { Manager = Manager },
        _ => new(),
    };
}
