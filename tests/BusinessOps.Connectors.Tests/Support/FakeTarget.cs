using System.Collections.Concurrent;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.Support;

/// <summary>
/// A target that remembers every effect performed, by key; with <c>canTell</c> it answers checks by key, otherwise it
/// cannot be asked. <see cref="FailAt"/> makes the effect at an index fail; <see cref="ThrowAt"/> makes the connector throw.
/// </summary>
internal sealed class FakeTarget(bool canTell = true) : IEffectConnector
{
    public ConcurrentDictionary<string, int> Performed { get; } = new(StringComparer.Ordinal);

    public List<string> Order { get; } = [];

    public Dictionary<int, EffectOutcome> FailAt { get; } = [];

    public HashSet<int> ThrowAt { get; } = [];

    public HashSet<string> UnavailableTargets { get; } = [];

    public int Checks { get; private set; }

    /// <summary>The earlier records each performed effect was handed, by index.</summary>
    public Dictionary<int, IReadOnlyList<EffectRecord>> EarlierSeen { get; } = [];

    public int Times(EffectKey key) => Performed.TryGetValue(key.ToString(), out var n) ? n : 0;

    public string? Unavailable(Effect effect) => UnavailableTargets.Contains(effect.Target) ? $"target {effect.Target} is switched off" : null;

    public Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (FailAt.Remove(request.Key.Index, out var failure))
        {
            return Task.FromResult(failure);
        }

        if (ThrowAt.Remove(request.Key.Index))
        {
            throw new InvalidOperationException("connector bug");
        }

        EarlierSeen[request.Key.Index] = request.Earlier;
        Performed.AddOrUpdate(request.KeyText, 1, (_, n) => n + 1);
        Order.Add(request.KeyText);
        return Task.FromResult(EffectOutcome.Done("ref-" + request.Key.Index));
    }

    public Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        Checks++;
        if (!canTell)
        {
            return Task.FromResult(EffectCheck.CannotTell("this target keeps no record of keys"));
        }

        return Task.FromResult(Performed.ContainsKey(request.KeyText) ? EffectCheck.Performed("ref-" + request.Key.Index) : EffectCheck.NotPerformed);
    }
}
