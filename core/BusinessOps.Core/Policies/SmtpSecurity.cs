namespace BusinessOps.Core.Policies;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS before anything is sent (port 587); the default.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,

    /// <summary>No encryption: accepted only for a loopback host (a local relay, tests).</summary>
    None,
}
