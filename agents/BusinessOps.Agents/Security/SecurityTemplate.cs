namespace BusinessOps.Agents.Security;

/// <summary>The built-in wording of the security agent's comment (a business overrides it with <c>policies/templates/security.sbn</c>).</summary>
internal static class SecurityTemplate
{
    public const string BuiltIn = """
        {{~ if secrets.size > 0 ~}}
        | Where | Kind | Severity | Value |
        |---|---|---|---|
        {{~ for f in secrets ~}}
        | {{ f.where }} | {{ f.kind }} | {{ f.severity }} | `{{ f.redacted }}` |
        {{~ end ~}}
        {{~ end ~}}
        {{~ if dependencies.size > 0 ~}}
        {{~ if secrets.size > 0 }}

        {{ end ~}}
        | Package | Version | Advisory | Severity | Fixed in | Source |
        |---|---|---|---|---|---|
        {{~ for v in dependencies ~}}
        | {{ v.package }} | {{ v.version }} | {{ v.advisory }} | {{ v.severity }} | {{ v.fixed ?? "no fix" }} | {{ v.source }} |
        {{~ end ~}}
        {{~ end ~}}
        """;
}
