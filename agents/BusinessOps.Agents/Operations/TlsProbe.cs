using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// Records the expiry of each TLS certificate the checks are shown, by host, while validating it as usual (the system's
/// roots). <paramref name="extraRoots"/> adds trusted roots for a private CA (tests use a self-signed loopback certificate);
/// the certificate is recorded even when validation fails, so an expired one is reported as expired, not as unreachable.
/// </summary>
internal sealed class TlsProbe(X509Certificate2Collection? extraRoots = null)
{
    // One handler serves every check of a run concurrently; connections to one host share its certificate.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiry = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The expiry (UTC) of the certificate <paramref name="host"/> presented, if it was reached over TLS.</summary>
    public DateTimeOffset? ExpiryOf(string host) => _expiry.TryGetValue(host, out var at) ? at : null;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        var cert = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (sender is SslStream { TargetHostName: { Length: > 0 } host })
        {
            _expiry[host.Trim('[', ']')] = new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Only a chain error may be cured by the extra roots; a name mismatch never is.
        return errors == SslPolicyErrors.RemoteCertificateChainErrors && extraRoots is { Count: > 0 } && ChainsToExtraRoot(cert);
    }

    private bool ChainsToExtraRoot(X509Certificate2 cert)
    {
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(extraRoots!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return custom.Build(cert);
    }
}
