namespace BusinessOps.Agents.Operations;

/// <summary>The built-in wording of the operations agent's comment (a business overrides it with <c>policies/templates/operations.sbn</c>).</summary>
internal static class OperationsTemplate
{
    public const string BuiltIn = """
        {{~ if checks.size > 0 ~}}
        | Endpoint | State | Status | Latency | Certificate |
        |---|---|---:|---:|---|
        {{~ for c in checks ~}}
        | {{ c.url }} | {{ c.state }} | {{ c.status }} | {{ c.latency_ms }} ms | {{ if c.certificate }}{{ c.certificate.expires }} ({{ c.certificate.level }}, {{ c.certificate.days_left }} d){{ else }}—{{ end }} |
        {{~ end ~}}
        {{~ if budget ~}}

        **Availability** (objective {{ budget.objective }}, operations.yml): uptime {{ budget.uptime }} over {{ budget.checks }} check(s) in {{ budget.runs }} run(s) recorded on this issue; {{ budget.failed }} failed of {{ budget.allowed }} allowed — error budget {{ budget.consumed }} used, burn rate {{ budget.burn_rate }}×.
        {{~ end ~}}
        {{~ end ~}}
        {{~ if sizing.size > 0 ~}}

        **Rightsizing** (downsize below {{ rules.downsize_below }} p95 CPU and memory to {{ rules.downsize_factor }}; upsize above {{ rules.upsize_above }})

        | Instance | Type | CPU p95 | Memory p95 | Cost/month | Action | Savings/month |
        |---|---|---:|---:|---:|---|---:|
        {{~ for s in sizing ~}}
        | {{ s.instance }} | {{ s.type }} | {{ s.cpu_p95 }} | {{ s.memory_p95 }} | {{ s.monthly_cost }} | {{ s.action }} | {{ s.monthly_savings }} |
        {{~ end ~}}

        Estimated savings: **{{ monthly_savings }}/month**.
        {{~ end ~}}
        """;
}
