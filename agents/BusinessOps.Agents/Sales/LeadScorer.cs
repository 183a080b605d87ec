using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Sales;

/// <summary>
/// Pure BANT scoring by <c>pricing.yml</c>: budget bands, points per authority, need and timing value, and the grade
/// bands with their next action (built-in: 25 points per dimension, grade A ≥ 80, B ≥ 60, C ≥ 40, else D).
/// </summary>
internal static class LeadScorer
{
    public static LeadScore Score(LeadInput lead, SalesRules rules)
    {
        var budget = rules.Budget.OrderByDescending(b => b.Min).Where(b => (double)lead.BudgetUsd >= b.Min).Select(b => b.Points).DefaultIfEmpty(0).First();
        var authority = rules.Authority.GetValueOrDefault(lead.Authority);
        var need = rules.Need.GetValueOrDefault(lead.Need);
        var timing = rules.Timing.GetValueOrDefault(lead.Timing);
        var total = budget + authority + need + timing;
        var grade = rules.Grades.OrderByDescending(g => g.Min).FirstOrDefault(g => total >= g.Min) ?? rules.Grades.MinBy(g => g.Min)!;
        var action = grade.NextAction;

        // Someone short of the top authority cannot sign: a warm lead still needs the economic buyer.
        if (authority < rules.Authority.Values.DefaultIfEmpty(0).Max() && total >= 60)
        {
            action += " Ask for an introduction to the economic buyer.";
        }

        return new LeadScore(budget, authority, need, timing, grade.Grade, action);
    }
}
