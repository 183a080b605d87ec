namespace BusinessOps.Automation.Workflows;

/// <summary><c>inputs.topic</c>: a value given when the workflow was started.</summary>
public sealed record WorkflowInputSource(string Name) : InputSource
{
    public override string Describe() => $"inputs.{Name}";
}
