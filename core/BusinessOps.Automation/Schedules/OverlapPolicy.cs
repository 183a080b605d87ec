namespace BusinessOps.Automation.Schedules;

/// <summary>What happens to a new slot while an earlier slot's issue of the same schedule is still open.</summary>
public enum OverlapPolicy
{
    /// <summary>Open the new slot as well (the default).</summary>
    Allow,

    /// <summary>Do not open the new slot; a note on the open issue records that it was skipped.</summary>
    Skip,

    /// <summary>Open the new slot and close the older open ones as superseded.</summary>
    Supersede,
}
