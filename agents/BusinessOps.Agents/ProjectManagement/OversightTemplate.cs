namespace BusinessOps.Agents.ProjectManagement;

/// <summary>The built-in wording of the oversight briefing (a business overrides it with <c>policies/templates/project-manager.sbn</c>).</summary>
internal static class OversightTemplate
{
    public const string BuiltIn = """
        ## Oversight: {{ scope }}

        {{ source }}

        {{~ for s in sections ~}}
        ### {{ s.title }} ({{ s.items.size }})

        {{~ if s.items.size == 0 ~}}
        none
        {{~ else ~}}
        | Issue | Why | Idle | Owner | Next action |
        |---|---|---:|---|---|
        {{~ for i in s.items ~}}
        | #{{ i.number }} {{ i.title }} | {{ i.reason }} | {{ i.idle }} | {{ i.owner }} | {{ i.next }} |
        {{~ end ~}}
        {{~ end ~}}

        {{~ end ~}}
        ### Workload per agent

        {{~ if workload.size == 0 ~}}
        No open issues.
        {{~ else ~}}
        | Agent | Owner | Open | Active | Waiting | Blocked | SLA breached |
        |---|---|---:|---:|---:|---:|---:|
        {{~ for w in workload ~}}
        | {{ w.agent }} | {{ w.owner }} | {{ w.open }} | {{ w.active }} | {{ w.waiting }} | {{ w.blocked }} | {{ w.breached }} |
        {{~ end ~}}
        {{~ end ~}}
        """;
}
