namespace BusinessOps.Agents.Analytics;

/// <summary>The built-in wording of the morning briefing (a business overrides it with <c>policies/templates/analytics.sbn</c>).</summary>
internal static class BriefingTemplate
{
    public const string BuiltIn = """
        ## Morning briefing {{ date }}

        {{~ if urgent.size > 0 ~}}
        ### Urgent — escalated

        {{~ for u in urgent ~}}
        - **{{ u }}**
        {{~ end ~}}

        {{~ end ~}}
        ### Overnight performance

        {{~ if metrics.size > 0 ~}}
        | Metric | {{ date }} | vs yesterday | vs a week ago | vs a month ago | Target |
        |---|---:|---:|---:|---:|---|
        {{~ for m in metrics ~}}
        | {{ m.name }} | {{ m.value }} | {{ m.day }} | {{ m.week }} | {{ m.month }} | {{ m.target }} |
        {{~ end ~}}

        {{~ end ~}}
        {{~ if kpis != "" ~}}
        {{ kpis }}

        {{~ end ~}}
        {{~ if metrics.size == 0 && kpis == "" ~}}
        No metrics were attached and no KPIs were handed in.

        {{~ end ~}}
        ### Autonomous actions completed ({{ actions_count }})

        {{~ for a in actions ~}}
        - {{ a }}
        {{~ end ~}}
        {{~ if actions_count == 0 ~}}
        None in the last 24 hours.
        {{~ end ~}}

        ### Opportunities

        {{~ for o in opportunities ~}}
        - {{ o }}
        {{~ end ~}}
        {{~ if opportunities.size == 0 ~}}
        None stood out.
        {{~ end ~}}

        ### Today's focus

        {{~ for f in focus ~}}
        - {{ f }}
        {{~ end ~}}
        {{~ if focus.size == 0 ~}}
        Everything is on target: no focus item.
        {{~ end ~}}
        """;
}
