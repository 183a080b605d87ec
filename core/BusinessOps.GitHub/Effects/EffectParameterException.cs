namespace BusinessOps.GitHub.Effects;

/// <summary>An effect's parameters cannot be used (they passed the schema, or skipped it); nothing was sent.</summary>
internal sealed class EffectParameterException(string message) : Exception(message);
