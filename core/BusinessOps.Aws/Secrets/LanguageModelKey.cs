using System.Text.RegularExpressions;
using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Http;

namespace BusinessOps.Aws.Secrets;

/// <summary>
/// Where an agent process finds the optional language model's key. <c>OPENAI_API_KEY</c> when the environment has it (a
/// local agent; a Batch job, into which ECS injects it from the job definition's <c>Secrets</c>). Else, on Lambda,
/// <c>BUSINESSOPS_OPENAI_API_KEY_SECRET_ARN</c> names the Secrets Manager secret and the key is read once, at cold start,
/// with the function's own role (infra/businessops.yml explains why not a resolved environment variable). A lookup that
/// fails leaves the agents without a model, never without an answer: they write the standard wording.
/// </summary>
public static partial class LanguageModelKey
{
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    public const string SecretArnVariable = "BUSINESSOPS_OPENAI_API_KEY_SECRET_ARN";

    /// <summary>Lambda's init phase lasts at most 10 s; the lookup gives up well before.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(4);

    public static async Task<LanguageModelKeyLookup> ResolveAsync(
        IReadOnlyDictionary<string, string?> env, HttpClient http, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (CredentialSourceFactory.Get(env, ApiKeyVariable) is { } key)
        {
            return new LanguageModelKeyLookup(key, null);
        }

        if (CredentialSourceFactory.Get(env, SecretArnVariable) is not { } arn)
        {
            return LanguageModelKeyLookup.None;
        }

        if (SecretArn().Match(arn) is not { Success: true } parsed)
        {
            return new LanguageModelKeyLookup(null, $"{SecretArnVariable} '{arn}' is not a Secrets Manager secret ARN (the stack's LanguageModelApiKeySecretArn)");
        }

        if (!CredentialSourceFactory.TryCreate(env, out var credentials, out var error))
        {
            return new LanguageModelKeyLookup(null, "no AWS credentials to read the key with: " + (error ?? CredentialSourceFactory.MissingMessage));
        }

        var region = parsed.Groups["region"].Value;
        var endpoint = Endpoint(env, region, parsed.Groups["partition"].Value);
        using var timeout = new CancellationTokenSource(Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = new SecretsManagerClient(new AwsConnection(http, "secretsmanager", endpoint, region, credentials!, clock, AwsClientOptions.Default with { MaxAttempts = 2 }));
            var value = (await client.GetSecretStringAsync(arn, linked.Token)).Trim();
            return value.StartsWith('{')
                ? new LanguageModelKeyLookup(null, $"secret {arn} holds JSON; store the key itself as the secret's plain text (aws secretsmanager put-secret-value --secret-string file://key.txt)")
                : new LanguageModelKeyLookup(value, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new LanguageModelKeyLookup(null, $"Secrets Manager did not answer within {Timeout.TotalSeconds:0} s for {arn}");
        }
        catch (AwsException ex)
        {
            return new LanguageModelKeyLookup(null, $"could not read {arn}: {ex.Message}");
        }
    }

    /// <summary><c>AWS_ENDPOINT_URL_SECRETS_MANAGER</c> (the SDKs' name), else <c>AWS_ENDPOINT_URL</c>, else the regional endpoint.</summary>
    internal static Uri Endpoint(IReadOnlyDictionary<string, string?> env, string region, string partition)
    {
        var configured = CredentialSourceFactory.Get(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER") ?? CredentialSourceFactory.Get(env, "AWS_ENDPOINT_URL");
        return configured is not null && Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : new Uri($"https://secretsmanager.{region}.{(partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com")}/");
    }

    [GeneratedRegex("^arn:(?<partition>aws[a-z-]*):secretsmanager:(?<region>[a-z0-9-]+):[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretArn();
}
