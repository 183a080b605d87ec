namespace BusinessOps.Automation.Workflows;

/// <summary>Where one input of a step comes from.</summary>
public abstract record InputSource
{
    /// <summary>How the policy writes it, for the task list and messages.</summary>
    public abstract string Describe();
}
