using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Schedules;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The open issues the automation opened, found by their hidden markers — trusted only on issues the store identity
/// filed, so a person cannot forge a slot, a parent or the ledger. Built once per pass from what the pass already read.
/// </summary>
internal sealed class AutomationIndex
{
    private readonly Dictionary<string, List<IssueSnapshot>> _byKey = new(StringComparer.Ordinal);

    private AutomationIndex()
    {
    }

    /// <summary>The ledger's issue (the lowest-numbered, should two runs both have filed one).</summary>
    public IssueSnapshot? LedgerIssue { get; private set; }

    /// <summary>Ledger issues beyond the first (two first runs raced): closed by the next pass.</summary>
    public List<int> ExtraLedgers { get; } = [];

    /// <summary>Workflow parents: the issue, its workflow name.</summary>
    public List<(IssueSnapshot Issue, string Workflow)> Parents { get; } = [];

    /// <summary>Workflow children by parent issue number.</summary>
    public Dictionary<int, List<(IssueSnapshot Issue, WorkflowChildRef Ref)>> Children { get; } = [];

    /// <summary>Every open schedule slot issue (<see cref="ExistingSlot.IsOpen"/>: not done yet).</summary>
    public List<ExistingSlot> Slots { get; } = [];

    /// <summary>Indexes <paramref name="issues"/>: the open ones in a pass; open and closed for <c>coordinator schedule</c>.</summary>
    public static AutomationIndex Build(IReadOnlyList<IssueSnapshot> issues, string identity)
    {
        var index = new AutomationIndex();
        foreach (var issue in issues.OrderBy(i => i.Number))
        {
            if (!string.Equals(issue.Author, identity, StringComparison.OrdinalIgnoreCase) || !AutomationMarker.TryParse(issue.Body, out var key))
            {
                continue;
            }

            index.Add(key, issue);
            if (issue.State == IssueState.Closed && key.Kind != AutomationKinds.Slot)
            {
                continue;
            }

            switch (key.Kind)
            {
                case AutomationKinds.Ledger when index.LedgerIssue is null:
                    index.LedgerIssue = issue;
                    break;
                case AutomationKinds.Ledger:
                    index.ExtraLedgers.Add(issue.Number);
                    break;
                case AutomationKinds.Slot when SlotKey.TryParse(key.Value, out var slot):
                    // Decide leaves finished issues open (status/done): for overlap, "still open" means not finished yet.
                    index.Slots.Add(new ExistingSlot(slot, issue.Number, IsOpen: issue.State == IssueState.Open && !issue.HasLabel(LabelNames.For(IssueStatus.Done))));
                    break;
                case AutomationKinds.Workflow when WorkflowStarter.WorkflowOf(key) is { } name:
                    index.Parents.Add((issue, name));
                    break;
                case AutomationKinds.WorkflowChild when WorkflowChildRef.TryParse(key, out var child):
                    if (!index.Children.TryGetValue(child.Parent, out var list))
                    {
                        index.Children[child.Parent] = list = [];
                    }

                    list.Add((issue, child));
                    break;
            }
        }

        return index;
    }

    /// <summary>True when an open issue already carries <paramref name="key"/>.</summary>
    public bool Has(AutomationKey key) => _byKey.ContainsKey(key.ToString());

    /// <summary>The open issue carrying <paramref name="key"/>, or null.</summary>
    public IssueSnapshot? Find(AutomationKey key) => _byKey.TryGetValue(key.ToString(), out var list) ? list[0] : null;

    /// <summary>Records an issue opened in this pass, so a second request for its key in the same pass opens nothing.</summary>
    public void Add(AutomationKey key, IssueSnapshot issue)
    {
        if (!_byKey.TryGetValue(key.ToString(), out var list))
        {
            _byKey[key.ToString()] = list = [];
        }

        list.Add(issue);
    }
}
