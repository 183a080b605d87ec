namespace BusinessOps.Agents.Operations;

/// <summary>What kind of address a resolved IP is, for the egress check.</summary>
internal enum AddressRange
{
    /// <summary>Routable on the internet: always allowed.</summary>
    Public,

    /// <summary>127/8, ::1.</summary>
    Loopback,

    /// <summary>10/8, 172.16/12, 192.168/16, 100.64/10 (carrier NAT), fc00::/7, fec0::/10.</summary>
    Private,

    /// <summary>169.254/16 (the cloud instance metadata address lives here), fe80::/10.</summary>
    LinkLocal,

    /// <summary>0/8, ::, multicast, broadcast: never a health-check target (0.0.0.0 reaches the local host).</summary>
    Unusable,
}
