namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/pricing.yml</c>: the BANT lead-scoring model, the price list and discount approval.</summary>
public sealed record SalesRules
{
    public static SalesRules Default { get; } = new();

    /// <summary>Budget in USD → points, descending.</summary>
    public IReadOnlyList<ScoreBand> Budget { get; init; } = [new(100_000, 25), new(50_000, 20), new(10_000, 15), new(1_000, 8), new(0, 0)];

    public IReadOnlyDictionary<string, int> Authority { get; init; } = new Dictionary<string, int> { ["decision-maker"] = 25, ["influencer"] = 15, ["user"] = 5, ["unknown"] = 0 };

    public IReadOnlyDictionary<string, int> Need { get; init; } = new Dictionary<string, int> { ["critical"] = 25, ["high"] = 20, ["medium"] = 12, ["low"] = 5 };

    public IReadOnlyDictionary<string, int> Timing { get; init; } = new Dictionary<string, int> { ["immediate"] = 25, ["this-quarter"] = 20, ["next-quarter"] = 12, ["this-year"] = 8, ["unknown"] = 0 };

    /// <summary>Descending.</summary>
    public IReadOnlyList<LeadGrade> Grades { get; init; } =
    [
        new(80, "A", "Hot lead: book a demo with the decision maker within 48 hours and send a proposal."),
        new(60, "B", "Warm lead: run a discovery call this week to confirm budget and decision process."),
        new(40, "C", "Nurture: add to the nurture sequence and check in next month."),
        new(0, "D", "Not qualified now: log, send resources, and re-qualify next quarter."),
    ];

    public IReadOnlyList<PricePlan> Plans { get; init; } =
    [
        new("starter", 29m, 1, "Core workflows, email support"),
        new("business", 79m, 5, "Everything in starter, approvals, SLA reporting, priority support"),
        new("enterprise", 149m, 25, "Everything in business, SSO, audit log, dedicated CSM, 99.9 % uptime SLA"),
    ];

    /// <summary>Annual billing discount, as a fraction.</summary>
    public decimal AnnualDiscount { get; init; } = 0.15m;

    /// <summary>A proposal discount above this fraction needs <see cref="DiscountApprover"/>.</summary>
    public decimal MaxDiscountWithoutApproval { get; init; } = 0.15m;

    public string DiscountApprover { get; init; } = "sales-director";
}
