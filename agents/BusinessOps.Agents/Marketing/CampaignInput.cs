namespace BusinessOps.Agents.Marketing;

/// <summary>The fields of a campaign brief: name, audience, budget in USD, the dates it runs (inclusive), the chosen channels and the key message.</summary>
internal sealed record CampaignInput(string Name, string Audience, decimal BudgetUsd, DateOnly Start, DateOnly End, IReadOnlyList<string> Channels, string Message);
