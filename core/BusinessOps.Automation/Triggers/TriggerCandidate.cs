namespace BusinessOps.Automation.Triggers;

/// <summary>
/// A rule a result may trip, found where the follow-up must not be opened (an event job, which runs beside other event
/// jobs): the serialized pass decides and opens it. <see cref="Value"/> is the result's value of the rule's field.
/// </summary>
public sealed record TriggerCandidate(ThresholdRule Rule, string Key, int Issue, double Value)
{
    /// <summary>A change rule seen without the previous value: only the pass, which holds it, knows whether it trips.</summary>
    public bool NeedsPrevious => Rule.When.NeedsPrevious;
}
