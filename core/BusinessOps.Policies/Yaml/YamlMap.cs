namespace BusinessOps.Policies.Yaml;

/// <summary>A mapping; entries keep document order and duplicates so validation can report them.</summary>
internal sealed record YamlMap(IReadOnlyList<YamlEntry> Entries, int Line, int Column) : YamlValue(Line, Column)
{
    public override string Describe() => "a mapping";
}
