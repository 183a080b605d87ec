namespace BusinessOps.Policies.Automation;

/// <summary>The policy files of operations that run themselves, read by <see cref="AutomationPolicyLoader"/>.</summary>
public static class AutomationFileNames
{
    public const string Schedules = "schedules.yml";
    public const string Tenants = "tenants.yml";
    public const string Triggers = "triggers.yml";

    /// <summary>The folder of workflow definitions, one <c>*.yml</c> per workflow, named after it.</summary>
    public const string WorkflowsFolder = "workflows";

    /// <summary>Most workflow files read; more is not a policy folder.</summary>
    public const int MaxWorkflowFiles = 100;
}
