namespace BusinessOps.Agents.Management;

/// <summary>The built-in wording of the manager agent's comment (a business overrides it with <c>policies/templates/manager.sbn</c>).</summary>
internal static class ManagerTemplate
{
    public const string BuiltIn = """
        **Triage:** {{ if label != "" }}route to `{{ label }}` ({{ agent }}){{ else }}no routing family matched; a person triages{{ end }}, priority/{{ priority }}, confidence {{ confidence }}.
        {{~ if duplicates.size > 0 }}

        ### Possible duplicates
        {{~ for d in duplicates ~}}
        - #{{ d.number }} {{ d.title }} ({{ d.similarity }} similar)
        {{~ end ~}}
        {{~ end }}
        {{~ if stale.size > 0 }}

        ### Stale issues (no activity for {{ stale_after_days }} days or more)
        {{~ for s in stale ~}}
        - #{{ s.number }} {{ s.title }}: idle {{ s.idle_days }} days, {{ s.status }}, {{ s.agent }}
        {{~ end ~}}
        {{~ if stale_more > 0 }}
        - … and {{ stale_more }} more
        {{~ end }}
        {{~ end }}
        """;
}
