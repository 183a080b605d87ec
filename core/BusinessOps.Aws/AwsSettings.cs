using BusinessOps.Aws.Credentials;

namespace BusinessOps.Aws;

/// <summary>Region and the two service endpoints, from the SDK-standard environment variables.</summary>
public sealed record AwsSettings(string Region, Uri LambdaEndpoint, Uri BatchEndpoint)
{
    public const string MissingRegionMessage =
        "No AWS region: set AWS_REGION (for example AWS_REGION=us-east-1) to the region where the infra/ stack is deployed, or run with --executor local.";

    /// <summary>
    /// Region from <c>AWS_REGION</c> (else <c>AWS_DEFAULT_REGION</c>); endpoints from <c>AWS_ENDPOINT_URL_LAMBDA</c> /
    /// <c>AWS_ENDPOINT_URL_BATCH</c> / <c>AWS_ENDPOINT_URL</c>, else the public regional endpoints.
    /// </summary>
    public static bool TryFromEnvironment(IReadOnlyDictionary<string, string?> env, out AwsSettings? settings, out string? error)
    {
        settings = null;
        error = null;
        var region = CredentialSourceFactory.Get(env, "AWS_REGION") ?? CredentialSourceFactory.Get(env, "AWS_DEFAULT_REGION");
        if (region is null)
        {
            error = MissingRegionMessage;
            return false;
        }

        if (!region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            error = $"AWS_REGION '{region}' is not a region name (expected something like us-east-1).";
            return false;
        }

        var shared = CredentialSourceFactory.Get(env, "AWS_ENDPOINT_URL");
        if (!TryEndpoint(CredentialSourceFactory.Get(env, "AWS_ENDPOINT_URL_LAMBDA") ?? shared, $"https://lambda.{region}.amazonaws.com", "AWS_ENDPOINT_URL_LAMBDA", out var lambda, out error)
            || !TryEndpoint(CredentialSourceFactory.Get(env, "AWS_ENDPOINT_URL_BATCH") ?? shared, $"https://batch.{region}.amazonaws.com", "AWS_ENDPOINT_URL_BATCH", out var batch, out error))
        {
            return false;
        }

        settings = new AwsSettings(region, lambda!, batch!);
        return true;
    }

    private static bool TryEndpoint(string? configured, string fallback, string variable, out Uri? endpoint, out string? error)
    {
        error = null;
        if (Uri.TryCreate(configured ?? fallback, UriKind.Absolute, out endpoint) && endpoint.Scheme is "https" or "http")
        {
            return true;
        }

        error = $"{variable} (or AWS_ENDPOINT_URL) '{configured}' is not an http(s) URL.";
        return false;
    }
}
