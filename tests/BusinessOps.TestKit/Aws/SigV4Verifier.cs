using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Recomputes an incoming request's SigV4 signature from what arrived on the wire, with the known test secret.
/// Deliberately a second, independent implementation (no reference to the production signer), so the fakes
/// catch a signer that is wrong in a way its own round trip would hide.
/// </summary>
public static class SigV4Verifier
{
    /// <summary>Null when the signature is valid; otherwise why it is not.</summary>
    public static string? Verify(HttpContext context, byte[] body, string accessKeyId, string secretAccessKey, string region, out string? service)
    {
        service = null;
        var authorization = context.Request.Headers.Authorization.ToString();
        const string prefix = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return "missing or non-SigV4 Authorization header";
        }

        var parts = authorization[prefix.Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
        {
            return "Authorization lacks Credential, SignedHeaders or Signature";
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return $"malformed credential scope '{credential}'";
        }

        if (scope[0] != accessKeyId)
        {
            return $"unknown access key '{scope[0]}'";
        }

        if (scope[2] != region)
        {
            return $"credential scope region '{scope[2]}' is not '{region}'";
        }

        service = scope[3];
        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return "host and x-amz-date must be signed";
        }

        if (context.Request.Headers.ContainsKey("X-Amz-Security-Token") && !names.Contains("x-amz-security-token"))
        {
            return "x-amz-security-token is sent but not signed";
        }

        var amzDate = context.Request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length != 16 || amzDate[..8] != scope[1])
        {
            return $"x-amz-date '{amzDate}' does not match the credential date '{scope[1]}'";
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question >= 0 ? rawTarget[..question] : rawTarget;
        var rawQuery = question >= 0 ? rawTarget[(question + 1)..] : string.Empty;

        var canonical = new StringBuilder()
            .Append(context.Request.Method).Append('\n')
            .Append(string.Join('/', rawPath.Split('/').Select(Escape))).Append('\n')
            .Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in names)
        {
            var values = context.Request.Headers[name].Select(v => Collapse(v ?? string.Empty));
            canonical.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(body)));
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{string.Join('/', scope[1..])}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var step in new[] { scope[1], scope[2], scope[3], "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(step));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : "The request signature we calculated does not match the signature you provided.";
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Collapse(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CanonicalQuery(string rawQuery) => string.Join(
        '&',
        rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Escape(Uri.UnescapeDataString(p[0])), Value: Escape(p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    private static string Escape(string segment)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
