namespace BusinessOps.Aws.Credentials;

/// <summary>One set of AWS keys. <see cref="SessionToken"/> is present for temporary (STS, OIDC, container) credentials.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Never prints the secret or the token.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
