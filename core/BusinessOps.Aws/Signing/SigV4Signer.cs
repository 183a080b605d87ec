using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 (header form). Small on purpose and proven against AWS's published test suite
/// (tests/BusinessOps.Aws.Tests/Signing). The caller puts <c>host</c>, <c>x-amz-date</c> and, with temporary
/// credentials, <c>x-amz-security-token</c> into the headers before signing; <see cref="AddSigningHeaders"/> does that.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The <c>x-amz-date</c> format: <c>20150830T123600Z</c>.</summary>
    public static string FormatAmzDate(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Adds <c>host</c>, <c>x-amz-date</c>, the session token and optionally <c>x-amz-content-sha256</c>.</summary>
    public static List<KeyValuePair<string, string>> AddSigningHeaders(
        IEnumerable<KeyValuePair<string, string>> headers, string host, DateTimeOffset now, string? sessionToken, ReadOnlySpan<byte> body, bool includeContentSha256)
    {
        var list = new List<KeyValuePair<string, string>>(headers)
        {
            new("host", host),
            new("x-amz-date", FormatAmzDate(now)),
        };
        if (!string.IsNullOrEmpty(sessionToken))
        {
            list.Add(new("x-amz-security-token", sessionToken));
        }

        if (includeContentSha256)
        {
            list.Add(new("x-amz-content-sha256", HexSha256(body)));
        }

        return list;
    }

    /// <summary>Signs <paramref name="request"/>. The date comes from its <c>x-amz-date</c> header, or <paramref name="now"/>.</summary>
    public static SigV4Result Sign(SigV4Request request, string accessKeyId, string secretAccessKey, string region, string service, DateTimeOffset now)
    {
        var amzDate = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "x-amz-date", StringComparison.OrdinalIgnoreCase)).Value ?? FormatAmzDate(now);
        var date = amzDate[..8];
        var (canonicalHeaders, signedHeaders) = CanonicalHeaders(request.Headers);
        var canonicalRequest = string.Join(
            '\n',
            request.Method.ToUpperInvariant(),
            CanonicalUri(request.Path),
            CanonicalQuery(request.Query),
            canonicalHeaders,
            signedHeaders,
            HexSha256(request.Body.Span));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, HexSha256(Encoding.UTF8.GetBytes(canonicalRequest)));
        var key = SigningKey(secretAccessKey, date, region, service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Result(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8);
    }

    private static string CanonicalUri(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        return string.Join('/', path.Split('/').Select(UriEncoding.Encode));
    }

    private static string CanonicalQuery(IReadOnlyList<KeyValuePair<string, string>> query) => string.Join(
        '&',
        query.Select(p => (Key: UriEncoding.Encode(p.Key), Value: UriEncoding.Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    private static (string Canonical, string Signed) CanonicalHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var grouped = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (!grouped.TryGetValue(lower, out var values))
            {
                grouped[lower] = values = [];
            }

            values.Add(TrimAll(value));
        }

        var canonical = new StringBuilder();
        foreach (var (name, values) in grouped)
        {
            canonical.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        return (canonical.ToString(), string.Join(';', grouped.Keys));
    }

    /// <summary>Trims and collapses runs of spaces to one, as the spec's "Trimall".</summary>
    private static string TrimAll(string value)
    {
        var trimmed = value.Trim();
        var sb = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            var space = c is ' ' or '\t';
            if (!space || !previousSpace)
            {
                sb.Append(space ? ' ' : c);
            }

            previousSpace = space;
        }

        return sb.ToString();
    }
}
