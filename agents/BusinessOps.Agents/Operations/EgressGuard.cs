using System.Net;
using System.Net.Sockets;
using BusinessOps.Core.Agents;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// Keeps agent HTTP requests off the coordinator's own network: every address a host name resolves to is classified, and
/// a connection is made only to one the <see cref="NetworkPolicy"/> allows. Checked after DNS resolution, inside the
/// connect step, so a name that resolves to 169.254.169.254 (or re-resolves there later) is refused like the literal.
/// </summary>
internal static class EgressGuard
{
    /// <summary>
    /// A handler whose connections obey <paramref name="policy"/>: no proxy (it would connect on our behalf), no redirects;
    /// TLS certificates validated (and their expiry recorded) by <paramref name="tls"/> when given.
    /// </summary>
    public static SocketsHttpHandler Handler(NetworkPolicy policy, TlsProbe? tls = null) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, policy, ct),
        SslOptions = tls is null ? new() : new() { RemoteCertificateValidationCallback = tls.Validate },
    };

    public static AddressRange Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [127, ..] => AddressRange.Loopback,
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] or [100, >= 64 and <= 127, ..] => AddressRange.Private,
                [169, 254, ..] => AddressRange.LinkLocal,
                [0, ..] or [>= 224, ..] => AddressRange.Unusable,
                _ => AddressRange.Public,
            };
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressRange.Loopback;
        }

        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6Multicast)
        {
            return AddressRange.Unusable;
        }

        var v6 = address.GetAddressBytes();
        if (v6 is [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            // NAT64 (64:ff9b::/96) carries an IPv4 address: judge that one.
            return Classify(new IPAddress(v6.AsSpan(12)));
        }

        return address.IsIPv6LinkLocal ? AddressRange.LinkLocal
            : address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal ? AddressRange.Private
            : AddressRange.Public;
    }

    public static bool IsAllowed(AddressRange range, NetworkPolicy policy) => range switch
    {
        AddressRange.Public => true,
        AddressRange.Loopback => policy.AllowLoopback,
        AddressRange.Private => policy.AllowPrivate,
        AddressRange.LinkLocal => policy.AllowLinkLocal,
        _ => false,
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, NetworkPolicy policy, CancellationToken ct)
    {
        var host = endpoint.Host.Trim('[', ']'); // an IPv6 literal arrives bracketed, as in the URL
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => IsAllowed(Classify(a), policy)).ToList();
        if (allowed.Count == 0)
        {
            throw new EgressRefusedException(Explain(host, addresses));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Only the vetted addresses: connecting by name would resolve again and could land elsewhere.
            await socket.ConnectAsync([.. allowed], endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Explain(string host, IPAddress[] addresses)
    {
        if (addresses.Length == 0)
        {
            return $"{host} resolves to no address";
        }

        var first = addresses[0];
        var range = Classify(first);
        var what = range switch
        {
            AddressRange.Loopback => "a loopback address",
            AddressRange.Private => "a private address",
            AddressRange.LinkLocal => "a link-local address (the cloud metadata range)",
            _ => "not a usable destination",
        };
        var allow = range switch
        {
            AddressRange.Loopback => "; allow it with `network: allow: [loopback]` in dispatch.yml",
            AddressRange.Private => "; allow it with `network: allow: [private]` in dispatch.yml",
            AddressRange.LinkLocal => "; allow it with `network: allow: [link-local]` in dispatch.yml",
            _ => string.Empty,
        };
        var shown = string.Equals(host, first.ToString(), StringComparison.OrdinalIgnoreCase) ? host : $"{host} ({first})";
        return $"{shown} is {what}{allow}";
    }
}
