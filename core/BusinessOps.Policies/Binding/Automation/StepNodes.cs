using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>Where each part of a step was written, so graph problems point at the right line.</summary>
internal sealed class StepNodes(YamlValue step)
{
    public YamlValue Step => step;

    public YamlValue? Agent { get; set; }

    public YamlValue? Review { get; set; }

    public Dictionary<string, YamlValue> Needs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, YamlValue> Inputs { get; } = new(StringComparer.Ordinal);
}
