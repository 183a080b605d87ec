using System.Text.Json;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Http;

namespace BusinessOps.Aws.Secrets;

/// <summary>
/// Secrets Manager's GetSecretValue over the AWS JSON 1.1 protocol with our SigV4 signer (the request path of Lambda, Batch
/// and SQS). The value is returned to the caller only: it is never part of an error message or a log line.
/// </summary>
public sealed class SecretsManagerClient
{
    private readonly AwsConnection _connection;

    internal SecretsManagerClient(AwsConnection connection) => _connection = connection;

    /// <summary>The current SecretString of <paramref name="secretId"/> (a name or an ARN).</summary>
    /// <exception cref="AwsException">Not found, access denied, throttled, unreachable, or a binary secret.</exception>
    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new GetSecretValueRequest(secretId), SecretsJson.Default.GetSecretValueRequest);
        var call = new AwsCall(
            "GetSecretValue", "secretsmanager:GetSecretValue", $"secret '{secretId}'", HttpMethod.Post, "/", body, Idempotent: true,
            [new("x-amz-target", "secretsmanager.GetSecretValue")], "application/x-amz-json-1.1");
        var response = await _connection.SendAsync(call, cancellationToken);
        GetSecretValueResponse? value;
        try
        {
            value = JsonSerializer.Deserialize(response.Body, SecretsJson.Default.GetSecretValueResponse);
        }
        catch (JsonException)
        {
            // No preview of the body here, unlike other calls: it may hold the secret.
            throw new AwsTransientException("AWS secretsmanager GetSecretValue answered a body that is not the expected JSON.", null, response.StatusCode);
        }

        return value?.SecretString is { Length: > 0 } secret
            ? secret
            : throw new AwsInvalidRequestException($"secret '{secretId}' has no SecretString (a binary or empty secret): store the key as plain text (aws secretsmanager put-secret-value --secret-string).");
    }
}
