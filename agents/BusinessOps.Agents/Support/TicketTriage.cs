namespace BusinessOps.Agents.Support;

/// <summary>Category, subcategory, severity and the keywords that decided them.</summary>
internal sealed record TicketTriage(string Category, string Subcategory, string Severity, IReadOnlyList<string> Evidence, double Confidence);
