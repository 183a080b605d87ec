namespace BusinessOps.Agents.DevOps;

/// <summary>The built-in wording of the devops agent's comment (a business overrides it with <c>policies/templates/devops.sbn</c>).</summary>
internal static class DevOpsTemplate
{
    public const string BuiltIn = """
        **Pre-checks**

        {{~ for c in checks ~}}
        - [{{ if c.state == "passed" }}x{{ else }} {{ end }}] {{ c.name }}: **{{ c.state }}** — {{ c.detail }}
        {{~ end ~}}
        {{~ for p in pre_checks ~}}
        - [ ] {{ p }}
        {{~ end ~}}

        **Rollout**

        {{~ for s in steps ~}}
        {{ for.index + 1 }}. {{ s }}
        {{~ end ~}}

        **Rollback when**: {{ array.join rollback_triggers "; " }}

        {{~ for s in rollback_steps ~}}
        {{ for.index + 1 }}. {{ s }}
        {{~ end ~}}
        """;
}
