namespace BusinessOps.Agents.Support;

/// <summary>
/// Category, subcategory, severity and the keywords that decided them; the queue it goes to and the reasons it
/// escalates at once (security concern, data loss, outage, enterprise customer), empty when it does not.
/// </summary>
internal sealed record TicketTriage(
    string Category,
    string Subcategory,
    string Severity,
    string Queue,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> EscalationReasons,
    double Confidence)
{
    public bool Escalates => EscalationReasons.Count > 0;
}
