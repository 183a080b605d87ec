namespace BusinessOps.Aws.Credentials;

/// <summary>
/// Where request credentials come from. Production: AWSSDK.Core's chain (environment, profile, web identity,
/// container and instance roles), which caches and refreshes; tests: <see cref="StaticCredentialSource"/>.
/// </summary>
public interface IAwsCredentialSource
{
    /// <summary>Human description for error messages, e.g. <c>environment (AWS_ACCESS_KEY_ID)</c>; never contains a secret.</summary>
    string Description { get; }

    /// <summary>Current credentials; implementations refresh expiring ones. Throws <see cref="Errors.AwsCredentialsException"/>.</summary>
    ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken);
}
