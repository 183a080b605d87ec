namespace BusinessOps.Core.Agents.Rules;

/// <summary>A plan of the price list: per-seat monthly price and what it includes.</summary>
public sealed record PricePlan(string Name, decimal MonthlyUsdPerSeat, int MinSeats, string Includes);
