using Amazon.Runtime;
using BusinessOps.Aws.Errors;

namespace BusinessOps.Aws.Credentials;

/// <summary>
/// Adapts an AWSSDK.Core <see cref="AWSCredentials"/> (the default chain, or web identity through AWSSDK.SecurityToken).
/// The SDK caches and refreshes temporary credentials itself; we only translate its failures into one clear message.
/// </summary>
internal sealed class SdkCredentialSource(Func<AWSCredentials> resolve, string description) : IAwsCredentialSource
{
    // Resolved lazily: the chain may do network I/O (STS, IMDS) that must not happen at construction.
    private readonly Lazy<AWSCredentials> _credentials = new(resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Description { get; } = description;

    public async ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var immutable = await _credentials.Value.GetCredentialsAsync().WaitAsync(cancellationToken);
            return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, string.IsNullOrEmpty(immutable.Token) ? null : immutable.Token);
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or InvalidOperationException or IOException or HttpRequestException)
        {
            throw new AwsCredentialsException($"Could not obtain AWS credentials from {Description}: {e.Message}", inner: e);
        }
    }
}
