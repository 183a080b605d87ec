using System.Text.RegularExpressions;

namespace BusinessOps.Agents.Security;

/// <summary>
/// Detection patterns (source-generated, with a match timeout so hostile input cannot stall the scan).
/// Shapes follow the providers' documented token formats.
/// </summary>
internal static partial class SecretPatterns
{
    private const int TimeoutMs = 1000;

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex AwsAccessKeyId();

    /// <summary>40 base64-ish characters near "aws" and "secret"/"key" on the same line.</summary>
    [GeneratedRegex(@"(?i)aws.{0,30}?(?:secret|key).{0,20}?[""'=:\s]\s*[""']?(?<v>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex AwsSecretKey();

    [GeneratedRegex(@"\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36,255}\b", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex GitHubToken();

    [GeneratedRegex(@"\bgithub_pat_[A-Za-z0-9_]{22,255}\b", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex GitHubFineGrainedToken();

    [GeneratedRegex(@"-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex PrivateKey();

    /// <summary>A whole PEM private key, header to footer (its lines are the secret).</summary>
    [GeneratedRegex(@"-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=:\s,-]{0,8000}?-----END (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"\bxox[baprs]-[A-Za-z0-9-]{10,}", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex SlackToken();

    /// <summary><c>password = "…"</c>, <c>api_key: …</c> and similar assignments; the value is then checked for entropy.</summary>
    [GeneratedRegex(@"(?i)\b(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|client[_-]?secret|auth)\w*\s*[:=]\s*[""']?(?<v>[^\s""',;]{12,})", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex GenericAssignment();
}
