namespace BusinessOps.Policies.Yaml;

/// <summary>A sequence.</summary>
internal sealed record YamlList(IReadOnlyList<YamlValue> Items, int Line, int Column) : YamlValue(Line, Column)
{
    public override string Describe() => "a list";
}
