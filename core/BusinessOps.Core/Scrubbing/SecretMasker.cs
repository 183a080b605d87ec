using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BusinessOps.Core.Scrubbing;

/// <summary>
/// The one secret masker (as in actions/runner): every log event of the coordinator and the agents, every text written to an
/// issue store, and every GitHub and AWS error message passes through <see cref="Mask"/>. It replaces the values of the
/// secrets the process knows (from the environment variables that hold them, and tokens minted at run time) and anything
/// shaped like a credential (GitHub tokens, AWS keys, JWTs, private key blocks) with <c>***</c>.
/// </summary>
public sealed partial class SecretMasker
{
    /// <summary>What a masked secret becomes.</summary>
    public const string Replacement = "***";

    // Values shorter than this would mask ordinary words ("true", "main"); real credentials are long.
    private const int MinimumLength = 8;

    private readonly Lock _gate = new();

    // Longest first, so a secret that contains another is replaced whole. Copy-on-write: Mask reads without locking.
    private string[] _values = [];

    /// <summary>The process-wide masker; composition roots seed it from the environment, adapters add the tokens they mint.</summary>
    public static SecretMasker Process { get; } = new();

    /// <summary>How many secret values (with their encoded forms) are registered.</summary>
    public int Count => Volatile.Read(ref _values).Length;

    /// <summary>Names of environment variables that hold secrets, whatever their value looks like.</summary>
    public static bool IsSecretVariable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var upper = name.ToUpperInvariant();
        return upper.EndsWith("_TOKEN", StringComparison.Ordinal)
            || upper.EndsWith("_SECRET", StringComparison.Ordinal)
            || upper.EndsWith("_PASSWORD", StringComparison.Ordinal)
            || upper.EndsWith("_PRIVATE_KEY", StringComparison.Ordinal)
            || upper.EndsWith("_API_KEY", StringComparison.Ordinal)
            || upper.EndsWith("_SECRET_ACCESS_KEY", StringComparison.Ordinal)
            || upper.Contains("_SECRET_", StringComparison.Ordinal)
            || upper is "TOKEN" or "PASSWORD";
    }

    /// <summary>Registers the value of every secret-holding variable of <paramref name="environment"/> (see <see cref="IsSecretVariable"/>).</summary>
    public void AddFromEnvironment(IEnumerable<KeyValuePair<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (name, value) in environment)
        {
            if (IsSecretVariable(name))
            {
                Add(value);
            }
        }
    }

    /// <summary>
    /// Registers <paramref name="secret"/>, its JSON-escaped forms (markers and JSON logs escape <c>+</c>, <c>/</c> and quotes)
    /// and, for a multi-line value such as a PEM key, each long line on its own.
    /// </summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Trim().Length < MinimumLength)
        {
            return;
        }

        var forms = new HashSet<string>(StringComparer.Ordinal) { secret, secret.Trim() };
        foreach (var line in secret.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length >= 16)
            {
                forms.Add(line);
            }
        }

        foreach (var form in forms.ToList())
        {
            forms.Add(JsonEncodedText.Encode(form).ToString());
            forms.Add(JsonEncodedText.Encode(form, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
        }

        lock (_gate)
        {
            var merged = _values.Concat(forms.Where(f => f.Length >= MinimumLength)).Distinct(StringComparer.Ordinal);
            Volatile.Write(ref _values, [.. merged.OrderByDescending(v => v.Length)]);
        }
    }

    /// <summary><paramref name="text"/> with every known secret and every credential-shaped string replaced by <c>***</c>.</summary>
    public string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in Volatile.Read(ref _values))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Replacement, StringComparison.Ordinal);
            }
        }

        try
        {
            return CredentialShape().Replace(text, Replacement);
        }
        catch (RegexMatchTimeoutException)
        {
            // Never let unmasked text through because it was too odd to scan in time.
            return Replacement + " (text withheld: it could not be scanned for secrets)";
        }
    }

    // GitHub tokens (ghp_ gho_ ghs_ ghu_ ghr_, fine-grained github_pat_), AWS access key ids, 40-character AWS secret keys
    // (mixed case with a digit or + or /, so git SHAs and words are left alone), JWTs, and PEM private key blocks
    // (also when their newlines were escaped as \n in JSON).
    [GeneratedRegex(
        @"\bgh[pousr]_[A-Za-z0-9]{20,}\b"
        + @"|\bgithub_pat_[A-Za-z0-9_]{20,}\b"
        + @"|\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b"
        + @"|(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+]))(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9/+])[A-Za-z0-9/+]{40}"
        + @"|\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
        + @"|-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]*PRIVATE KEY-----|$)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex CredentialShape();
}
