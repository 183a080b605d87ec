namespace BusinessOps.Agents.Sales;

/// <summary>The fields of a proposal form: who gets it, which plan for how many seats, billing, the negotiated discount (a fraction) and the term.</summary>
internal sealed record ProposalInput(string Company, string ContactEmail, string ContactName, string Plan, int Seats, bool Annual, decimal Discount, int TermMonths);
