namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>The built-in wording of the customer-success agent's comment (a business overrides it with <c>policies/templates/customer-success.sbn</c>).</summary>
internal static class CustomerSuccessTemplate
{
    public const string BuiltIn = """
        {{~ if operation == "health" ~}}
        | Metric | Value | Weight | Contribution |
        |---|---:|---:|---:|
        {{~ for m in metrics ~}}
        | {{ m.field }} | {{ m.value }} | {{ m.weight }} | {{ m.contribution }} |
        {{~ end ~}}
        | Weighted score | | 1.00 | {{ raw }} |
        | Recency ({{ recency_basis }}) | | × {{ recency }} | |
        | **Health score** | | | **{{ score }}** |

        **{{ band }}** band at {{ autonomy }}: {{ intervention }}
        {{~ if email_to != "" }}

        Once approved, the intervention email goes to {{ email_to }}.
        {{~ end }}
        {{~ else if operation == "onboarding" ~}}
        **{{ segment }}** onboarding, day {{ day }}.

        | Day | Action | Milestone |
        |---:|---|---|
        {{~ for s in steps ~}}
        | {{ s.day }} | {{ s.action }} | {{ if s.reached }}✓ {{ end }}{{ s.milestone }} |
        {{~ end ~}}
        {{~ else ~}}
        {{~ for t in themes ~}}
        **{{ t.theme }}** ({{ t.count }})
        {{~ for q in t.quotes ~}}
        > {{ q }}
        {{~ end ~}}

        {{~ end ~}}
        {{~ end }}
        """;
}
