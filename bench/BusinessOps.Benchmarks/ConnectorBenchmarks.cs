using BenchmarkDotNet.Attributes;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Connectors.Webhooks;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Benchmarks;

/// <summary>
/// Effects per second through the webhook connector to a loopback Standard Webhooks receiver that verifies every
/// signature (the test suite's receiver): one payment instruction per operation, each with a fresh key so none is a
/// repeat; and a 10-effect plan through the effect runner (journal in memory). Target (issue 11): record it.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: the client and receiver are disposed in [GlobalCleanup].
public class ConnectorBenchmarks
#pragma warning restore CA1001
{
    private HttpClient _http = null!;
    private readonly Effect _payment = new PaymentInstruction("Acme Supplies", 6000.00m, "USD", new DateOnly(2026, 12, 31), "INV-7").ToEffect();
    private WebhookReceiver _receiver = null!;
    private WebhookConnector _connector = null!;
    private IReadOnlyList<Effect> _plan = null!;
    private int _issue;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _receiver = WebhookReceiver.StartAsync().GetAwaiter().GetResult();
        var endpoint = new WebhookEndpoint("payables", _receiver.HookUrl, null, "PAYABLES_SECRET", WebhookFormat.Standard);
        var policy = new WebhookConnectorPolicy(true, TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(1), [endpoint]);
        _connector = new WebhookConnector(policy, name => name == "PAYABLES_SECRET" ? WebhookReceiver.Secret : null, _http, TimeProvider.System);
        _plan = [.. Enumerable.Range(1, 10).Select(i => new PaymentInstruction("Acme Supplies", 100m + i, "USD", new DateOnly(2026, 12, 31), $"INV-{i}").ToEffect())];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _http.Dispose();
    }

    /// <summary>One signed, verified, acknowledged delivery.</summary>
    [Benchmark]
    public async Task<EffectStatus> OneWebhookEffect()
    {
        var key = new EffectKey(new IdempotencyKey("acme/ops", Interlocked.Increment(ref _issue), 1, IdempotencyKey.ExecutePhase), 1);
        var outcome = await _connector.PerformAsync(new EffectRequest(_payment, key, []), CancellationToken.None);
        return outcome.Status;
    }

    /// <summary>A 10-effect plan through the runner: started/outcome written around every effect.</summary>
    [Benchmark]
    public async Task<int> TenEffectPlan()
    {
        var attempt = new IdempotencyKey("acme/ops", Interlocked.Increment(ref _issue), 1, IdempotencyKey.ExecutePhase);
        var report = await new EffectRunner(_connector, new MemoryJournal(), TimeProvider.System).RunAsync(attempt, _plan, [], CancellationToken.None);
        return report.Done;
    }

    private sealed class MemoryJournal : IEffectJournal
    {
        private readonly List<EffectRecord> _records = [];

        public Task WriteAsync(IReadOnlyList<EffectRecord> records, CancellationToken cancellationToken)
        {
            _records.AddRange(records);
            return Task.CompletedTask;
        }
    }
}
