using BusinessOps.Core.Effects;

namespace BusinessOps.Connectors;

/// <summary>
/// What <see cref="ConnectorSet.Create"/> needs besides policy: the environment (a variable's value by name), the clock,
/// whether agents run with the local executor (commands are allowed only then), and the GitHub connector, which the
/// coordinator builds on the store's own client and pacing.
/// </summary>
public sealed record ConnectorOptions(Func<string, string?> Environment, TimeProvider Clock, bool LocalExecutor, IEffectConnector? GitHub = null)
{
    /// <summary>An HTTP client for webhooks; null = one built here (no redirects, pooled connections recycled).</summary>
    public HttpClient? Http { get; init; }
}
