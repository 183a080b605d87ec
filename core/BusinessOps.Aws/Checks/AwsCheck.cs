namespace BusinessOps.Aws.Checks;

/// <summary>One finding about the deployed stack: what was checked, whether it is fine, broken or worth a look, and the fix.</summary>
public sealed record AwsCheck(string Name, AwsCheckLevel Level, string Detail, string? Fix = null);

/// <summary>How an <see cref="AwsCheck"/> went.</summary>
public enum AwsCheckLevel
{
    Ok,
    Warn,
    Fail,
}
