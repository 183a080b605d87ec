using BusinessOps.Connectors.Schemas;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors;

/// <summary>
/// The one <see cref="IEffectConnector"/> the effect runner talks to: checks each effect against policy and its
/// kind's schema, then hands it to the connector its kind names (<c>webhook.payment</c> → webhook). An effect that
/// cannot run (connector off or absent, schema violated) gets a permanent failure naming why, never an exception.
/// </summary>
public sealed class ConnectorRouter(ConnectorsPolicy policy, IReadOnlyDictionary<string, IEffectConnector> connectors) : IEffectConnector
{
    public string? Unavailable(Effect effect)
    {
        var violations = EffectSchemas.Validate(effect);
        if (violations.Count > 0)
        {
            return EffectSchemas.Summary(violations);
        }

        if (ConnectorReadiness.Problem(effect, policy) is { } problem)
        {
            return problem;
        }

        EffectCatalog.TryGet(effect.Kind, out var kind);
        return connectors.TryGetValue(kind.Connector, out var connector)
            ? connector.Unavailable(effect) is { } unavailable ? $"{effect.Kind} cannot run: {unavailable}" : null
            : $"{effect.Kind} cannot run: the {kind.Connector} connector is not available in this process";
    }

    public Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken) =>
        Unavailable(request.Effect) is { } problem
            ? Task.FromResult(EffectOutcome.Failed(problem, permanent: true))
            : Route(request.Effect).PerformAsync(request, cancellationToken);

    public Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken) =>
        EffectCatalog.TryGet(request.Effect.Kind, out var kind) && connectors.TryGetValue(kind.Connector, out var connector)
            ? connector.CheckAsync(request, cancellationToken)
            : Task.FromResult(EffectCheck.CannotTell("no connector for " + request.Effect.Kind));

    private IEffectConnector Route(Effect effect)
    {
        EffectCatalog.TryGet(effect.Kind, out var kind);
        return connectors[kind.Connector];
    }
}
