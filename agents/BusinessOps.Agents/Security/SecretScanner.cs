using BusinessOps.Core.Effects;

namespace BusinessOps.Agents.Security;

/// <summary>
/// Pure secret scanner. Scores 100 minus 40 per critical, 25 per high and 10 per medium finding (floor 0).
/// Values are redacted as soon as they are matched and never leave this class in clear.
/// </summary>
internal static class SecretScanner
{
    /// <summary>Generic assignments count only above this Shannon entropy (bits/char): filters "password=changeme-later".</summary>
    public const double MinGenericEntropy = 3.5;

    /// <summary>The longest secret a <c>github.redact</c> effect can name (its schema's bound).</summary>
    public const int MaxFingerprintLength = 4096;

    public static SecretScanReport Scan(string content)
    {
        var findings = new List<SecretFinding>();
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var taken = new List<(int Start, int End)>();

            void Add(string kind, string severity, int start, int length)
            {
                if (taken.Any(t => start < t.End && start + length > t.Start))
                {
                    return;
                }

                taken.Add((start, start + length));
                var value = line.Substring(start, length);
                findings.Add(new SecretFinding(kind, severity, i + 1, Redact(value)) { Fingerprint = kind == "private-key" ? null : SecretFingerprint.Of(value) });
            }

            foreach (var m in SecretPatterns.PrivateKey().EnumerateMatches(line))
            {
                Add("private-key", "critical", m.Index, m.Length);
            }

            foreach (var m in SecretPatterns.AwsAccessKeyId().EnumerateMatches(line))
            {
                Add("aws-access-key-id", "critical", m.Index, m.Length);
            }

            foreach (System.Text.RegularExpressions.Match m in SecretPatterns.AwsSecretKey().Matches(line))
            {
                var v = m.Groups["v"];
                Add("aws-secret-access-key", "critical", v.Index, v.Length);
            }

            foreach (var m in SecretPatterns.GitHubToken().EnumerateMatches(line))
            {
                Add("github-token", "critical", m.Index, m.Length);
            }

            foreach (var m in SecretPatterns.GitHubFineGrainedToken().EnumerateMatches(line))
            {
                Add("github-token", "critical", m.Index, m.Length);
            }

            foreach (var m in SecretPatterns.SlackToken().EnumerateMatches(line))
            {
                Add("slack-token", "high", m.Index, m.Length);
            }

            foreach (System.Text.RegularExpressions.Match m in SecretPatterns.GenericAssignment().Matches(line))
            {
                var v = m.Groups["v"];
                if (Entropy(v.Value) >= MinGenericEntropy)
                {
                    Add("high-entropy-assignment", "medium", v.Index, v.Length);
                }
            }
        }

        // A private key's secret is its whole block, not the header line the line scan matched.
        if (findings.Any(f => f.Kind == "private-key"))
        {
            try
            {
                foreach (System.Text.RegularExpressions.Match block in SecretPatterns.PrivateKeyBlock().Matches(content))
                {
                    if (block.Length <= MaxFingerprintLength && findings.FirstOrDefault(f => f.Kind == "private-key" && f.Fingerprint is null) is { } header)
                    {
                        findings[findings.IndexOf(header)] = header with { Fingerprint = SecretFingerprint.Of(block.Value) };
                    }
                }
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // Hostile input (many headers, no footers): the keys are still reported, only not redacted automatically.
            }
        }

        var penalty = findings.Sum(f => f.Severity switch { "critical" => 40, "high" => 25, "medium" => 10, _ => 5 });
        return new SecretScanReport(findings, Math.Max(0, 100 - penalty), lines.Length);
    }

    /// <summary>First 4 characters + <c>****</c>: enough to find and rotate the credential, useless to an attacker.</summary>
    public static string Redact(string secret) => (secret.Length <= 4 ? string.Empty : secret[..4]) + "****";

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string s)
    {
        if (s.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in s)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        return -counts.Values.Sum(n => (double)n / s.Length * Math.Log2((double)n / s.Length));
    }
}
