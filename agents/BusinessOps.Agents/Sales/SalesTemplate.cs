namespace BusinessOps.Agents.Sales;

/// <summary>The built-in wording of the sales agent's comment (a business overrides it with <c>policies/templates/sales.sbn</c>).</summary>
internal static class SalesTemplate
{
    public const string BuiltIn = """
        {{~ if operation == "proposal" ~}}
        ## Proposal for {{ company }}

        {{ narrative }}

        | Item | Detail | Amount |
        |---|---|---:|
        {{~ for r in rows ~}}
        | {{ r.item }} | {{ r.detail }} | {{ r.amount }} |
        {{~ end ~}}
        | **Net per month** | {{ billing }} billing | **{{ net_monthly }}** |
        | **Total over {{ term_months }} months** | | **{{ term_total }}** |

        The proposal goes by email to {{ contact_email }} once approved.
        {{~ if approval_needed }}

        **Discount approval:** the negotiated discount of {{ discount }} is above the {{ max_discount }} allowed without approval; the {{ approver }} approves it first.
        {{~ end }}
        {{~ else ~}}
        | Dimension | Input | Points |
        |---|---|---:|
        | Budget | {{ budget }} | {{ budget_points }} |
        | Authority | {{ authority }} | {{ authority_points }} |
        | Need | {{ need }} | {{ need_points }} |
        | Timing | {{ timing }} | {{ timing_points }} |
        | **Total** | grade {{ grade }} | **{{ score }}** |
        {{~ end }}
        """;
}
