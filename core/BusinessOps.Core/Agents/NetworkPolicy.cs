namespace BusinessOps.Core.Agents;

/// <summary>
/// <c>dispatch.yml</c> <c>network: allow:</c> — which non-public address ranges agents may connect to (checked after DNS
/// resolution). Public addresses are always allowed; loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16,
/// 100.64/10, fc00::/7) and link-local (169.254/16 — the cloud metadata address — and fe80::/10) only when listed.
/// </summary>
public sealed record NetworkPolicy(bool AllowLoopback, bool AllowPrivate, bool AllowLinkLocal)
{
    /// <summary>The default: public addresses only.</summary>
    public static NetworkPolicy PublicOnly { get; } = new(false, false, false);
}
