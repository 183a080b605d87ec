namespace BusinessOps.Automation.Workflows;

/// <summary><c>content.outputs.draft</c>: a field (dotted path) of an earlier step's outputs; the step must be in <c>needs</c>.</summary>
public sealed record StepOutputSource(string Step, string Path) : InputSource
{
    public override string Describe() => $"{Step}.outputs.{Path}";
}
