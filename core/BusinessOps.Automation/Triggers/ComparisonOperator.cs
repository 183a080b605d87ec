namespace BusinessOps.Automation.Triggers;

/// <summary>The comparisons a threshold may use.</summary>
public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}
