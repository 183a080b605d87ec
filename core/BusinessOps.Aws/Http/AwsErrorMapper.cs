using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BusinessOps.Aws.Errors;

namespace BusinessOps.Aws.Http;

/// <summary>Turns a non-2xx AWS response into one typed exception with a message that says what to do. Pure.</summary>
internal static class AwsErrorMapper
{
    public static AwsException Map(AwsCall call, string service, Uri endpoint, int status, HttpResponseHeaders headers, string? contentType, byte[] body, string credentialSource)
    {
        if (!TryReadError(headers, body, out var code, out var awsMessage))
        {
            return new AwsTransientException(
                $"AWS {service} endpoint {endpoint.Authority} answered {call.Operation} with HTTP {status} and a non-AWS body ({contentType ?? "no content type"}: \"{Preview(body)}\"). "
                + "Check AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_" + service.ToUpperInvariant() + " and any proxy in between.",
                null,
                status);
        }

        var detail = string.IsNullOrWhiteSpace(awsMessage) ? code ?? $"HTTP {status}" : awsMessage;
        var said = $"AWS {service} {call.Operation}: {code ?? "HTTP " + status.ToString(CultureInfo.InvariantCulture)}: {detail}";
        switch (code)
        {
            case "ThrottlingException" or "TooManyRequestsException" or "Throttling" or "RequestLimitExceeded" or "ProvisionedThroughputExceededException" or "RequestThrottled":
            case null when status == 429:
                return new AwsThrottledException(said, code, status, RetryAfter(headers));
            case "ExpiredTokenException" or "ExpiredToken" or "RequestExpired":
                return Expired(said, code, status, credentialSource);
            case "ResourceNotFoundException" or "NotFoundException" or "QueueDoesNotExist" or "AWS.SimpleQueueService.NonExistentQueue":
                return NotFound(call, said, code, status);
            case "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" or "UnauthorizedException":
                return new AwsAccessDeniedException(
                    $"{said}. Allow {call.Action} on {call.Resource} for the identity from {credentialSource} (see the coordinator role in infra/).", code, status);
            case "UnrecognizedClientException" or "InvalidSignatureException" or "SignatureDoesNotMatch" or "InvalidClientTokenId" or "IncompleteSignatureException":
                return awsMessage?.Contains("expired", StringComparison.OrdinalIgnoreCase) == true
                    ? Expired(said, code, status, credentialSource)
                    : new AwsAccessDeniedException($"{said}. The credentials from {credentialSource} were rejected: check the key pair, the session token and the system clock.", code, status);
            case "ClientException" when Missing(awsMessage):
                return NotFound(call, said, code, status);
            case "RequestEntityTooLargeException":
                return new AwsInvalidRequestException($"{said}. The payload is too large for {call.Resource}.", code, status);
            default:
                break;
        }

        if (status == 429)
        {
            return new AwsThrottledException(said, code, status, RetryAfter(headers));
        }

        if (status >= 500)
        {
            return new AwsTransientException($"{said}. AWS had a server-side failure; the next pass retries.", code, status);
        }

        if (status == 404)
        {
            return NotFound(call, said, code, status);
        }

        if (status == 403)
        {
            return new AwsAccessDeniedException($"{said}. Allow {call.Action} on {call.Resource} for the identity from {credentialSource}.", code, status);
        }

        return new AwsInvalidRequestException(said, code, status);
    }

    private static AwsExpiredTokenException Expired(string said, string? code, int status, string source) => new(
        $"{said}. The AWS session token from {source} has expired: refresh it (GitHub Actions: re-run so OIDC issues a new token; locally: aws sso login or export fresh keys).",
        code,
        status);

    private static AwsResourceNotFoundException NotFound(AwsCall call, string said, string? code, int status) => new(
        $"{said}. {call.Resource} does not exist in this account and region: deploy the infra/ stack or fix policies/dispatch.yml.", code, status);

    private static bool Missing(string? message) => message is not null
        && (message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not exist", StringComparison.OrdinalIgnoreCase)
            || message.Contains("invalid job queue", StringComparison.OrdinalIgnoreCase)
            || message.Contains("invalid job definition", StringComparison.OrdinalIgnoreCase));

    private static TimeSpan? RetryAfter(HttpResponseHeaders headers) =>
        headers.RetryAfter?.Delta ?? (headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null);

    /// <summary>AWS JSON errors: code in <c>x-amzn-ErrorType</c> or <c>__type</c>/<c>code</c>; message in <c>message</c>/<c>Message</c>.</summary>
    internal static bool TryReadError(HttpResponseHeaders headers, byte[] body, out string? code, out string? message)
    {
        code = headers.TryGetValues("x-amzn-ErrorType", out var types) ? Clean(types.FirstOrDefault()) : null;
        message = null;
        if (body.Length == 0)
        {
            return code is not null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                switch (property.Name)
                {
                    case "__type" or "code" or "Code":
                        code ??= Clean(property.Value.GetString());
                        break;
                    case "message" or "Message" or "errorMessage":
                        message ??= property.Value.GetString();
                        break;
                    default:
                        break;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 120));
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString().Trim();
    }

    // "ResourceNotFoundException:http://internal.amazon.com/coral/..." and "com.amazon.coral#Code" both name the code.
    private static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var value = raw.Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            value = value[..colon];
        }

        var hash = value.LastIndexOf('#');
        return hash >= 0 ? value[(hash + 1)..] : value;
    }
}
