using System.Text.Json;
using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Http;

namespace BusinessOps.Aws.Secrets;

/// <summary>
/// Inside Lambda the GitHub credential is not in the environment: the function gets <c>BUSINESSOPS_GITHUB_SECRET_ARN</c>
/// and reads the secret (JSON with <c>GITHUB_TOKEN</c>, or the <c>GITHUB_APP_*</c> keys) once at start-up. Batch jobs
/// get the same keys injected by the job definition and skip this.
/// </summary>
public static class GitHubSecretLoader
{
    public const string Variable = "BUSINESSOPS_GITHUB_SECRET_ARN";

    /// <summary>
    /// The secret's <c>GITHUB_*</c> keys, or an empty map when there is nothing to load (no ARN, or a credential is
    /// already in the environment). Throws <see cref="AwsException"/> with a one-line reason.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(IReadOnlyDictionary<string, string?> env, TimeProvider clock, HttpClient http, CancellationToken cancellationToken)
    {
        if (env.GetValueOrDefault(Variable) is not { Length: > 0 } arn
            || env.GetValueOrDefault("GITHUB_TOKEN") is { Length: > 0 }
            || env.GetValueOrDefault("GITHUB_APP_ID") is { Length: > 0 })
        {
            return new Dictionary<string, string>();
        }

        if (!AwsSettings.TryFromEnvironment(env, out var settings, out var error) || !CredentialSourceFactory.TryCreate(env, out var credentials, out error))
        {
            throw new AwsCredentialsException(error ?? "AWS settings are incomplete.");
        }

        var configured = env.GetValueOrDefault("AWS_ENDPOINT_URL_SECRETS_MANAGER") ?? env.GetValueOrDefault("AWS_ENDPOINT_URL");
        var endpoint = new Uri(string.IsNullOrWhiteSpace(configured) ? $"https://secretsmanager.{settings!.Region}.amazonaws.com" : configured);
        var connection = new AwsConnection(http, "secretsmanager", endpoint, settings!.Region, credentials!, clock, AwsClientOptions.Default);
        var text = await new SecretsClient(connection).GetSecretStringAsync(arn, cancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith("GITHUB_", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
                {
                    keys[property.Name] = property.Value.GetString()!;
                }
            }

            return keys.Count > 0
                ? keys
                : throw new AwsInvalidRequestException($"Secret '{arn}' holds no GITHUB_TOKEN or GITHUB_APP_* key: put {{\"GITHUB_TOKEN\":\"…\"}} in it (aws secretsmanager put-secret-value).");
        }
        catch (JsonException)
        {
            throw new AwsInvalidRequestException($"Secret '{arn}' is not a JSON object: put {{\"GITHUB_TOKEN\":\"…\"}} in it (aws secretsmanager put-secret-value).");
        }
    }
}
