namespace BusinessOps.Agents.Quality;

/// <summary>One gate's verdict: the measured value (null when there was nothing to measure), its threshold and where the value came from.</summary>
internal sealed record QualityGate(string Name, double? Value, double Threshold, string Source)
{
    /// <summary>Null: not measured (no input for it), which neither passes nor blocks.</summary>
    public bool? Passed => Value is { } v ? v >= Threshold : null;
}
