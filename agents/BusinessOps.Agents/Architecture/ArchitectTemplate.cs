namespace BusinessOps.Agents.Architecture;

/// <summary>
/// The built-in wording of the architect agent's ADR draft, its comment and the file its pull request adds (a business
/// overrides it with <c>policies/templates/architect.sbn</c>).
/// </summary>
internal static class ArchitectTemplate
{
    public const string BuiltIn = """
        ## ADR: {{ decision }}

        **Status:** proposed

        ### Context

        {{ context }}

        ### Options

        {{~ for o in options ~}}
        - {{ o }}
        {{~ end ~}}

        ### Decision matrix

        | Option |{{ for c in criteria }} {{ c.name }} ({{ c.weight }}) |{{ end }} Weighted |
        |---|{{ for c in criteria }}---:|{{ end }}---:|
        {{~ for r in rows ~}}
        | {{ r.option }} |{{ for s in r.scores }} {{ s }} |{{ end }} **{{ r.score }}** |
        {{~ end ~}}

        ### Decision

        {{ if close -}}
        Too close to call: {{ winner.option }} ({{ winner.score }}) leads {{ runner_up.option }} ({{ runner_up.score }}) by less than 0.10; a human should decide.
        {{- else -}}
        Choose **{{ winner.option }}** (weighted score {{ winner.score }} of 5).
        {{- end }}

        ### Consequences

        - Strongest on {{ strongest.name }} ({{ strongest.score }}/5).
        - Weakest on {{ weakest.name }} ({{ weakest.score }}/5): plan mitigations for it.
        - Revisit this decision if the criteria weights change.

        ### Component diagram

        ```mermaid
        flowchart LR
        {{~ for n in diagram.nodes ~}}
          {{ n }}
        {{~ end ~}}
        {{~ for e in diagram.edges ~}}
          {{ e.from }} -->{{ if e.label }}|"{{ e.label }}"|{{ end }} {{ e.to }}
        {{~ end ~}}
          classDef chosen stroke-width:3px
        ```

        ### Risks and mitigations

        | Risk | Mitigation |
        |---|---|
        {{~ for r in risks ~}}
        | {{ r.risk }} | {{ r.mitigation }} |
        {{~ end ~}}
        """;
}
