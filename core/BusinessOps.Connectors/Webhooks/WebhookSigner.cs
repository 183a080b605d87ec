using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.Connectors.Webhooks;

/// <summary>
/// Standard Webhooks signatures (v1): HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the
/// secret's bytes (the base64 after <c>whsec_</c>), sent as <c>v1,{base64}</c>. Done with the BCL rather than the
/// StandardWebhooks package, which brings the whole ASP.NET Core shared framework into the coordinator for these few
/// lines; the tests verify our signatures with that package and with the specification's reference verifier.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The prefix of a Standard Webhooks secret.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>The secret's key bytes, or null when <paramref name="secret"/> is not <c>whsec_</c> + base64 of 24 to 64 bytes.</summary>
    public static byte[]? ParseSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var encoded = secret.AsSpan(SecretPrefix.Length).Trim();
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64Chars(encoded, buffer, out var written) && written is >= 24 and <= 64 ? buffer[..written] : null;
    }

    /// <summary>The <c>webhook-signature</c> value for one delivery attempt.</summary>
    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
