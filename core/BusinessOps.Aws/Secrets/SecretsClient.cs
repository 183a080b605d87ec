using System.Text;
using System.Text.Json;
using BusinessOps.Aws.Http;

namespace BusinessOps.Aws.Secrets;

/// <summary>The one Secrets Manager operation agents need: <c>GetSecretValue</c> (JSON 1.1 protocol).</summary>
public sealed class SecretsClient
{
    private readonly AwsConnection _connection;

    internal SecretsClient(AwsConnection connection) => _connection = connection;

    /// <summary>The secret's <c>SecretString</c>. Throws <see cref="Errors.AwsException"/> (missing secret, denied, …).</summary>
    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["SecretId"] = secretId });
        var call = new AwsCall(
            "GetSecretValue",
            "secretsmanager:GetSecretValue",
            $"secret '{secretId}'",
            HttpMethod.Post,
            "/",
            body,
            Idempotent: true,
            [new("x-amz-target", "secretsmanager.GetSecretValue")],
            "application/x-amz-json-1.1");
        var response = await _connection.SendAsync(call, cancellationToken);
        using var doc = JsonDocument.Parse(response.Body);
        return doc.RootElement.TryGetProperty("SecretString", out var value) && value.GetString() is { } text
            ? text
            : throw new Errors.AwsInvalidRequestException($"Secret '{secretId}' has no SecretString: store the GitHub credential as JSON text ({Encoding.UTF8.GetString(response.Body).Length} bytes came back).", "NoSecretString", response.StatusCode, null);
    }
}
