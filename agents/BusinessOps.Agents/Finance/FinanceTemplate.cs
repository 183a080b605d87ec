namespace BusinessOps.Agents.Finance;

/// <summary>The built-in wording of the finance agent's comment (a business overrides it with <c>policies/templates/finance.sbn</c>).</summary>
internal static class FinanceTemplate
{
    public const string BuiltIn = """
        {{~ if operation == "recovery" ~}}
        | Day | Date | Message |
        |---:|---|---|
        {{~ for r in retries ~}}
        | {{ r.day }} | {{ r.date }}{{ if r.past }} (past){{ end }} | {{ r.message }} |
        {{~ end ~}}

        Grace period: {{ for g in grace }}{{ if !for.first }}, {{ end }}from day {{ g.from_day }} {{ g.restriction }}{{ end }}.
        {{~ else ~}}
        | Item | Qty | Unit price | Line total |
        |---|---:|---:|---:|
        {{~ for l in lines ~}}
        | {{ l.description }} | {{ l.quantity }} | {{ l.unit_price }} | {{ l.total }} |
        {{~ end ~}}

        Subtotal {{ subtotal }} + tax {{ tax }} ({{ tax_rate }} %) = **{{ computed_total }}** (stated {{ stated_total }}).

        {{~ for c in checks ~}}
        - [{{ if c.passed }}x{{ else }} {{ end }}] {{ c.name }}: {{ c.detail }}
        {{~ end ~}}

        Approval routing: {{ approver }} ({{ tier }} tier).
        {{~ end }}
        """;
}
