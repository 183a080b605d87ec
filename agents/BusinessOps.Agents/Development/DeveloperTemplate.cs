namespace BusinessOps.Agents.Development;

/// <summary>The built-in wording of the developer agent's comment (a business overrides it with <c>policies/templates/developer.sbn</c>).</summary>
internal static class DeveloperTemplate
{
    public const string BuiltIn = """
        | # | Task | Points | Hours | Drivers | After |
        |---:|---|---:|---:|---|---|
        {{~ for t in tasks ~}}
        | {{ t.index }} | {{ t.title }} | {{ t.points }} | {{ t.hours }} | {{ array.join t.drivers ", " }} | {{ for d in t.after }}#{{ d }}{{ if !for.last }}, {{ end }}{{ end }} |
        {{~ end ~}}

        Model (delivery.yml): {{ base_points }} base point(s) per criterion + drivers ({{ for d in model_drivers }}{{ d.name }} +{{ d.points }}{{ if !for.last }}, {{ end }}{{ end }}), × {{ unknowns_multiplier }} for unknowns, rounded up to Fibonacci; {{ hours_per_point }} h per point; tests {{ test_share }} of the rest.
        {{~ if scaffold_files.size > 0 ~}}

        Scaffold ({{ scaffold_kind }} `{{ scaffold_name }}`, from the built-in template): {{ for f in scaffold_files }}`{{ f }}`{{ if !for.last }}, {{ end }}{{ end }}, in a branch with a draft pull request.
        {{~ end }}
        """;
}
