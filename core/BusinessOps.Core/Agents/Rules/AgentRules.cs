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
        // Two well-known advisories, so the dependency audit finds something out of the box; policies/advisories.yml is the list
        // that runs (ranges and severities as the GitHub Advisory Database has them; the sources are cited there).
        Advisories =
        [
            new("GHSA-5crp-9r3c-p9vr", "nuget", "Newtonsoft.Json", null, "13.0.1", "high", "Improper Handling of Exceptional Conditions in Newtonsoft.Json (CVE-2024-21907): deeply nested JSON exhausts the stack or the CPU"),
            new("GHSA-35jh-r3h4-6jhm", "npm", "lodash", null, "4.17.21", "high", "Command Injection in lodash (CVE-2021-23337) via the template function"),
            new("GHSA-35jh-r3h4-6jhm", "npm", "lodash-es", null, "4.17.21", "high", "Command Injection in lodash (CVE-2021-23337) via the template function"),
            new("GHSA-35jh-r3h4-6jhm", "npm", "lodash.template", null, null, "high", "Command Injection in lodash (CVE-2021-23337) via the template function; no fixed version (last affected 4.5.0, the last release)"),
        ],
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
