namespace BusinessOps.Agents.Sales;

/// <summary>
/// Pure BANT scoring, 25 points per dimension. Budget: ≥ $100k 25, ≥ $50k 20, ≥ $10k 15, ≥ $1k 8, else 0.
/// Authority: decision-maker 25, influencer 15, user 5, unknown 0. Need: critical 25, high 20, medium 12, low 5.
/// Timing: immediate 25, this-quarter 20, next-quarter 12, this-year 8, unknown 0. Grade A ≥ 80, B ≥ 60, C ≥ 40, else D.
/// </summary>
internal static class LeadScorer
{
    public static readonly string[] Authorities = ["decision-maker", "influencer", "user", "unknown"];
    public static readonly string[] Needs = ["critical", "high", "medium", "low"];
    public static readonly string[] Timings = ["immediate", "this-quarter", "next-quarter", "this-year", "unknown"];

    public static LeadScore Score(LeadInput lead)
    {
        var budget = lead.BudgetUsd switch { >= 100_000m => 25, >= 50_000m => 20, >= 10_000m => 15, >= 1_000m => 8, _ => 0 };
        var authority = lead.Authority switch { "decision-maker" => 25, "influencer" => 15, "user" => 5, _ => 0 };
        var need = lead.Need switch { "critical" => 25, "high" => 20, "medium" => 12, _ => 5 };
        var timing = lead.Timing switch { "immediate" => 25, "this-quarter" => 20, "next-quarter" => 12, "this-year" => 8, _ => 0 };
        var total = budget + authority + need + timing;
        var (grade, action) = total switch
        {
            >= 80 => ("A", "Hot lead: book a demo with the decision maker within 48 hours and send a proposal."),
            >= 60 => ("B", "Warm lead: run a discovery call this week to confirm budget and decision process."),
            >= 40 => ("C", "Nurture: add to the nurture sequence and check in next month."),
            _ => ("D", "Not qualified now: log, send resources, and re-qualify next quarter."),
        };
        if (authority < 25 && total >= 60)
        {
            action += " Ask for an introduction to the economic buyer.";
        }

        return new LeadScore(budget, authority, need, timing, grade, action);
    }
}
