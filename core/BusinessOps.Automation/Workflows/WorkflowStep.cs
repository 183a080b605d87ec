using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Workflows;

/// <summary>One step of a workflow: the agent that does it, the steps it needs, its inputs and their schemas, retries, review and gate.</summary>
public sealed record WorkflowStep(string Id, string Agent)
{
    public string Title { get; init; } = string.Empty;

    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>Input name → where it comes from, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, InputSource>> Inputs { get; init; } = [];

    public StepSchema? InputSchema { get; init; }

    public StepSchema? OutputSchema { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public ReviewPolicy? Review { get; init; }

    public GatePolicy? Gate { get; init; }

    /// <summary>Extra labels of the step's issue (routing labels, for instance).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public Priority? Priority { get; init; }

    public string DisplayTitle => Title.Length > 0 ? Title : Id;
}
