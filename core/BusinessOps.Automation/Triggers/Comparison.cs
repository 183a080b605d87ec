namespace BusinessOps.Automation.Triggers;

/// <summary><c>engagement_rate &lt; 0.05</c>: the output compared with a constant.</summary>
public sealed record Comparison(string Field, ComparisonOperator Operator, double Value, string Text) : ThresholdCondition(Field, Text)
{
    public override bool NeedsPrevious => false;

    public override bool Holds(double value, double? previous) => Operator switch
    {
        ComparisonOperator.Less => value < Value,
        ComparisonOperator.LessOrEqual => value <= Value,
        ComparisonOperator.Greater => value > Value,
        ComparisonOperator.GreaterOrEqual => value >= Value,
        ComparisonOperator.Equal => value == Value,
        _ => value != Value,
    };
}
