namespace BusinessOps.GitHub.Http;

/// <summary>Replaces every registered secret (tokens, JWTs) with <c>***</c> in text that may reach a log or an exception.</summary>
internal sealed class SecretMasker
{
    private readonly Lock _gate = new();
    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words; real tokens are long.
        if (string.IsNullOrEmpty(secret) || secret.Length < 6)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret))
            {
                _secrets.Add(secret);
            }
        }
    }

    public string Mask(string text)
    {
        lock (_gate)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
