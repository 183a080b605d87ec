namespace BusinessOps.Connectors.Schemas;

/// <summary>
/// One way an effect breaks its kind's rules: the kind, the field (<c>parameters.amount</c>, <c>target</c>) and what is
/// wrong, written for the person reading the plan comment.
/// </summary>
public sealed record EffectViolation(string Kind, string Field, string Message)
{
    public override string ToString() => $"{Kind}: '{Field}' {Message}";
}
