using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Fake AWS Secrets Manager (AWS JSON 1.1: <c>POST /</c>, <c>X-Amz-Target: secretsmanager.*</c>): GetSecretValue of the
/// secrets a test stores, by ARN or name; others answer ResourceNotFoundException as the service does.
/// </summary>
public sealed partial class FakeAwsServer
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="value"/> as the SecretString of <paramref name="name"/>; returns the secret's full ARN.</summary>
    public string PutSecret(string name, string value)
    {
        var arn = $"arn:aws:secretsmanager:{Region}:{Account}:secret:{name}-AbCdEf";
        lock (_gate)
        {
            _secrets[arn] = value;
            _secrets[name] = value;
        }

        return arn;
    }

    private FakeAnswer GetSecretValue(byte[] body)
    {
        if (Parse(body) is not { } request || FakeBatchShape.Str(request, "SecretId") is not { Length: > 0 } id)
        {
            return FakeAnswer.Error(400, "InvalidParameterException", "The parameter SecretId is required.");
        }

        string? value;
        lock (_gate)
        {
            value = _secrets.GetValueOrDefault(id);
        }

        return value is null
            ? FakeAnswer.Error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
            : FakeAnswer.Json(200, new JsonObject { ["ARN"] = id, ["Name"] = id, ["SecretString"] = value, ["VersionId"] = "v1", ["VersionStages"] = new JsonArray("AWSCURRENT") });
    }

    private static string? SecretsTarget(HttpContext context) =>
        context.Request.Headers["X-Amz-Target"].ToString() is { } target && target.StartsWith("secretsmanager.", StringComparison.Ordinal) ? target["secretsmanager.".Length..] : null;
}
