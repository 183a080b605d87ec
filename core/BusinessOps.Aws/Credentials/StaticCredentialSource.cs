namespace BusinessOps.Aws.Credentials;

/// <summary>Fixed credentials: environment keys, and the known test secret in tests.</summary>
public sealed class StaticCredentialSource(AwsCredentials credentials, string description = "static") : IAwsCredentialSource
{
    public string Description { get; } = description;

    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
