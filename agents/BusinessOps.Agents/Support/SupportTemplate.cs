namespace BusinessOps.Agents.Support;

/// <summary>The built-in wording of the support agent's comment (a business overrides it with <c>policies/templates/support.sbn</c>).</summary>
internal static class SupportTemplate
{
    public const string BuiltIn = """
        **Triage:** {{ category }}/{{ subcategory }}, severity **{{ severity }}** → {{ queue }}; first response within {{ response_target }}.
        {{~ if escalated }}

        **Escalated at once:** {{ array.join reasons ", " }}. A person owns this ticket now.
        {{~ end }}
        {{~ if answer != "" }}

        ### Drafted answer for {{ customer }}

        {{ answer }}

        Sources: {{ for s in sources }}`{{ s }}`{{ if !for.last }}, {{ end }}{{ end }}
        {{~ if auto_resolved }}

        Auto-resolved: the answer is sent and the ticket closed ({{ resolution_reason }}).
        {{~ else }}

        Not auto-resolved: {{ resolution_reason }}.
        {{~ end }}
        {{~ end }}
        {{~ if escalations.size > 0 }}

        ### Time-based escalation
        {{~ for e in escalations }}
        - {{ e.due }} (after {{ e.after_hours }} h){{ if e.reached }} — **reached**{{ end }}: {{ e.action }}
        {{~ end }}
        {{~ end }}
        """;
}
