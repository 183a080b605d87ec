namespace BusinessOps.Core.Policies;

/// <summary>
/// SMTP delivery: server, port, protection, the sender address, and the NAMES of the environment variables holding
/// the login (both unset = no authentication).
/// </summary>
public sealed record EmailConnectorPolicy(
    bool Enabled,
    string? Host,
    int Port,
    SmtpSecurity Security,
    string? From,
    string? UsernameEnv,
    string? PasswordEnv,
    TimeSpan Timeout)
{
    public static EmailConnectorPolicy Default { get; } = new(false, null, 587, SmtpSecurity.StartTls, null, null, null, TimeSpan.FromSeconds(30));

    /// <summary>True for <c>localhost</c> and loopback addresses: the only hosts mail may go to unencrypted.</summary>
    public static bool IsLoopbackHost(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
