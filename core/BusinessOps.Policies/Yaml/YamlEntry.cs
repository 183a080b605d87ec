namespace BusinessOps.Policies.Yaml;

/// <summary>One <c>key: value</c> of a mapping, in document order.</summary>
internal sealed record YamlEntry(YamlText Key, YamlValue Value);
