namespace BusinessOps.Automation.Triggers;

/// <summary>
/// <c>health_score falls by 10</c> (or <c>rises by 10</c>, or <c>falls by 20%</c>): the output moved at least
/// <see cref="Amount"/> against the previous result's value. Without a previous value it never holds.
/// </summary>
public sealed record Change(string Field, bool Falls, double Amount, bool Percent, string Text) : ThresholdCondition(Field, Text)
{
    public override bool NeedsPrevious => true;

    public override bool Holds(double value, double? previous)
    {
        if (previous is not { } before)
        {
            return false;
        }

        var moved = Falls ? before - value : value - before;
        if (Percent)
        {
            return before != 0 && moved / Math.Abs(before) * 100 >= Amount;
        }

        return moved >= Amount;
    }
}
