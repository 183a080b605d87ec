namespace BusinessOps.Agents.Operations;

/// <summary>
/// One endpoint's result: <c>up</c>, <c>slow</c> (2xx/3xx over the latency budget) or <c>down</c>, and for https the
/// expiry of the certificate it presented (null for http or when no handshake happened).
/// </summary>
internal sealed record EndpointCheck(string Url, string State, int? StatusCode, long LatencyMs, string? Error)
{
    public DateTimeOffset? CertificateExpires { get; init; }
}
