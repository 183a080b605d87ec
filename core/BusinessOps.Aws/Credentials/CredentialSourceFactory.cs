using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace BusinessOps.Aws.Credentials;

/// <summary>
/// Chooses a credential source from the environment without any network I/O, so a missing configuration is a clear
/// message at start-up rather than a timeout against the instance metadata service later.
/// </summary>
public static class CredentialSourceFactory
{
    /// <summary>Opt-in for EC2 instance roles, the one source that cannot be detected without a network call.</summary>
    public const string InstanceRoleVariable = "BUSINESSOPS_AWS_INSTANCE_ROLE";

    public const string MissingMessage =
        "No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary keys), "
        + "or AWS_PROFILE, or AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (GitHub Actions OIDC); "
        + "on EC2 with an instance role set " + InstanceRoleVariable + "=true. Or run with --executor local.";

    public static bool TryCreate(IReadOnlyDictionary<string, string?> env, out IAwsCredentialSource? source, out string? error)
    {
        source = null;
        error = null;
        var accessKey = Get(env, "AWS_ACCESS_KEY_ID");
        var secret = Get(env, "AWS_SECRET_ACCESS_KEY");
        if (accessKey is not null || secret is not null)
        {
            if (accessKey is null || secret is null)
            {
                error = "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together; one of them is empty.";
                return false;
            }

            source = new StaticCredentialSource(new AwsCredentials(accessKey, secret, Get(env, "AWS_SESSION_TOKEN")), "environment (AWS_ACCESS_KEY_ID)");
            return true;
        }

        var roleArn = Get(env, "AWS_ROLE_ARN");
        var tokenFile = Get(env, "AWS_WEB_IDENTITY_TOKEN_FILE");
        if (roleArn is not null || tokenFile is not null)
        {
            if (roleArn is null || tokenFile is null)
            {
                error = "Web identity needs both AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE; one of them is empty.";
                return false;
            }

            var session = Get(env, "AWS_ROLE_SESSION_NAME") ?? "businessops-coordinator";
            source = new SdkCredentialSource(
                () => new AssumeRoleWithWebIdentityCredentials(tokenFile, roleArn, session),
                $"web identity (AWS_ROLE_ARN={roleArn})");
            return true;
        }

        var described = Describe(env);
        if (described is not null)
        {
            source = new SdkCredentialSource(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(), described);
            return true;
        }

        error = MissingMessage;
        return false;
    }

    private static string? Describe(IReadOnlyDictionary<string, string?> env)
    {
        if (Get(env, "AWS_PROFILE") is { } profile)
        {
            return $"shared profile '{profile}'";
        }

        if (Get(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null || Get(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null)
        {
            return "container role (ECS/Batch task)";
        }

        if (string.Equals(Get(env, InstanceRoleVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "EC2 instance role";
        }

        // Keys in ~/.aws/credentials, or SSO / role profiles that live only in ~/.aws/config.
        var home = Get(env, "HOME") ?? Get(env, "USERPROFILE");
        var files = new[]
        {
            Get(env, "AWS_SHARED_CREDENTIALS_FILE") ?? (home is null ? null : Path.Combine(home, ".aws", "credentials")),
            Get(env, "AWS_CONFIG_FILE") ?? (home is null ? null : Path.Combine(home, ".aws", "config")),
        };
        return files.Any(f => f is not null && File.Exists(f)) ? "shared profile 'default'" : null;
    }

    internal static string? Get(IReadOnlyDictionary<string, string?> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
