using BusinessOps.Core.Effects;

namespace BusinessOps.Agents.Security;

/// <summary>
/// One secret found. <see cref="Redacted"/> is the only readable trace of the value: first 4 characters + <c>****</c>.
/// <see cref="Fingerprint"/> names it without its text (SHA-256 and length), so a <c>github.redact</c> effect can find
/// and replace it where it occurs; null when the match is not the secret itself (a private key's header line).
/// </summary>
internal sealed record SecretFinding(string Kind, string Severity, int Line, string Redacted)
{
    public SecretFingerprint? Fingerprint { get; init; }

    /// <summary>The file the finding is in (a repository scan), relative to the scanned folder; null for text.</summary>
    public string? Path { get; init; }
}
