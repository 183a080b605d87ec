namespace BusinessOps.Agents.Finance;

/// <summary>One validation rule's verdict.</summary>
internal sealed record InvoiceCheck(string Name, bool Passed, string Detail);
