namespace BusinessOps.Automation.Issues;

/// <summary>
/// What an automatically opened issue stands for, carried in its hidden marker so the same slot, feed item,
/// trigger window or workflow step is never opened twice: <see cref="Kind"/> is one of
/// <see cref="AutomationKinds"/>, <see cref="Value"/> the stable key within that kind.
/// </summary>
public sealed record AutomationKey(string Kind, string Value)
{
    /// <summary><c>kind:value</c>, unique across kinds; the form stored in the ledger and compared by callers.</summary>
    public override string ToString() => Kind + ":" + Value;
}
