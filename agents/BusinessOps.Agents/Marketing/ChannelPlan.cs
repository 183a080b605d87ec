namespace BusinessOps.Agents.Marketing;

/// <summary>One channel of a campaign: its share and amount of the budget, its format and the dates it posts on.</summary>
internal sealed record ChannelPlan(string Channel, double Share, decimal BudgetUsd, string Format, IReadOnlyList<DateOnly> Dates)
{
    /// <summary>The budget of one post, in USD rounded to cents (0 when the channel has no date in the window).</summary>
    public decimal PerPostUsd => Dates.Count == 0 ? 0m : decimal.Round(BudgetUsd / Dates.Count, 2, MidpointRounding.AwayFromZero);
}
