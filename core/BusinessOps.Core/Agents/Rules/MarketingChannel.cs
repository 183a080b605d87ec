namespace BusinessOps.Core.Agents.Rules;

/// <summary>A campaign channel, its share of the budget and how often it posts (every <see cref="EveryDays"/> days).</summary>
public sealed record MarketingChannel(string Name, double BudgetShare, int EveryDays, string Format);
