namespace BusinessOps.Agents.Quality;

/// <summary>The built-in wording of the QA agent's comment (a business overrides it with <c>policies/templates/qa.sbn</c>).</summary>
internal static class QaTemplate
{
    public const string BuiltIn = """
        | Gate | Value | Threshold | Result | Source |
        |---|---:|---:|---|---|
        {{~ for g in gates ~}}
        | {{ g.name }} | {{ g.value ?? "–" }} | {{ g.threshold }} | {{ if g.result == "pass" }}pass{{ else if g.result == "fail" }}**FAIL**{{ else }}not measured{{ end }} | {{ g.source }} |
        {{~ end ~}}
        """;
}
