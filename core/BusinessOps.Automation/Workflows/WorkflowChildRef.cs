using System.Globalization;
using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// The marker value of a child issue, <c>content-marketing#12/seo/run/r2/a1</c>: workflow name, parent issue, child key.
/// The coordinator reads it to gather a parent's children into a <see cref="WorkflowRun"/>.
/// </summary>
public sealed record WorkflowChildRef(string Workflow, int Parent, ChildKey Key)
{
    public AutomationKey ToAutomationKey() => new(AutomationKinds.WorkflowChild, string.Create(CultureInfo.InvariantCulture, $"{Workflow}#{Parent}/{Key.Value}"));

    public static bool TryParse(AutomationKey key, out WorkflowChildRef reference)
    {
        reference = new WorkflowChildRef(string.Empty, 0, new ChildKey(string.Empty, ChildKind.Run, 0, 0));
        if (key.Kind != AutomationKinds.WorkflowChild)
        {
            return false;
        }

        var hash = key.Value.IndexOf('#', StringComparison.Ordinal);
        var slash = hash < 0 ? -1 : key.Value.IndexOf('/', hash);
        if (hash <= 0 || slash < 0
            || !int.TryParse(key.Value.AsSpan(hash + 1, slash - hash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
            || !ChildKey.TryParse(key.Value[(slash + 1)..], out var child))
        {
            return false;
        }

        reference = new WorkflowChildRef(key.Value[..hash], parent, child);
        return true;
    }
}
