namespace BusinessOps.Agents.Sales;

/// <summary>The BANT fields of a sales lead form.</summary>
internal sealed record LeadInput(string Company, decimal BudgetUsd, string Authority, string Need, string Timing);
