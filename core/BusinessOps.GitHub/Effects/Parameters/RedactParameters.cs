using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.redact</c>: the secrets (by fingerprint), in a comment of the target or else in its description.</summary>
internal sealed record RedactParameters(long? Comment, IReadOnlyList<SecretFingerprint>? Secrets, string? Replacement);
