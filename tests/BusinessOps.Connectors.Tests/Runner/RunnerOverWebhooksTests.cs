using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.Runner;

/// <summary>The runner, the router and the webhook connector together, against the verifying receiver, with crashes.</summary>
public sealed class RunnerOverWebhooksTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Run_CrashAtEveryStepOfThreePayments_ReceiverProcessesEachExactlyOnce()
    {
        IReadOnlyList<Effect> payments =
        [
            Samples.Payment(),
            (Samples.Invoice with { InvoiceNumber = "INV-8", Amount = 120.50m }).ToEffect(),
            (Samples.Invoice with { InvoiceNumber = "INV-9", Amount = 75m }).ToEffect(),
        ];
        for (var crashAt = 1; crashAt <= payments.Count + 1; crashAt++)
        {
            using var set = Connectors(withCheckUrl: true);
            var journal = new CrashingJournal(crashAt);
            var attempt = Samples.Attempt(crashAt);

            await Assert.ThrowsAsync<CrashException>(() => new EffectRunner(set.Router, journal, TimeProvider.System).RunAsync(attempt, payments, journal.Ledger, CancellationToken.None));
            var report = await new EffectRunner(set.Router, journal, TimeProvider.System).RunAsync(attempt, payments, journal.Ledger, CancellationToken.None);

            Assert.Equal(EffectRunStatus.Completed, report.Status);
            for (var i = 1; i <= payments.Count; i++)
            {
                Assert.True(_receiver.Processed.ContainsKey(new EffectKey(attempt, i).ToString()), $"crash at write {crashAt}: e{i} never arrived");
            }
        }

        Assert.Equal(3 * 4, _receiver.Processed.Count);
        Assert.Equal(0, _receiver.Duplicates);
    }

    [Fact]
    public async Task Run_CrashAfterDeliveryWithoutCheckUrl_ReportsUnknownAndSendsNothingAgain()
    {
        using var set = Connectors(withCheckUrl: false);
        var journal = new CrashingJournal(crashAt: 2);
        IReadOnlyList<Effect> payments = [Samples.Payment()];

        await Assert.ThrowsAsync<CrashException>(() => new EffectRunner(set.Router, journal, TimeProvider.System).RunAsync(Samples.Attempt(), payments, journal.Ledger, CancellationToken.None));
        var report = await new EffectRunner(set.Router, journal, TimeProvider.System).RunAsync(Samples.Attempt(), payments, journal.Ledger, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Unknown, report.Status);
        Assert.Contains("checkUrl", report.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _receiver.Requests);
    }

    [Fact]
    public async Task Run_PaymentParameterFailsItsSchema_NothingIsSentAndTheFieldIsNamed()
    {
        using var set = Connectors(withCheckUrl: false);
        var bad = (Samples.Invoice with { Currency = "dollars" }).ToEffect();

        var report = await new EffectRunner(set.Router, new CrashingJournal(), TimeProvider.System).RunAsync(Samples.Attempt(), [Samples.Payment(), bad], [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Failed, report.Status);
        Assert.Equal(2, report.StoppedAt);
        Assert.Contains("webhook.payment: 'parameters.currency'", report.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _receiver.Requests);
    }

    [Fact]
    public async Task Run_WebhookConnectorOff_PlanSaysWhichEffectCannotRunAndWhy()
    {
        var policy = ConnectorsPolicy.Default;
        using var set = ConnectorSet.Create(policy, new ConnectorOptions(Samples.Env(), TimeProvider.System, LocalExecutor: true));

        var problem = set.Router.Unavailable(Samples.Payment());

        Assert.Equal(
            "webhook.payment cannot run: the webhook connector is not enabled in policies/connectors.yml (set webhook.enabled: true and configure it); "
            + "no endpoint 'payables' is configured either: add it to policies/connectors.yml under webhook.endpoints as "
            + "'payables: {url: https://…, secretEnv: BUSINESSOPS_PAYABLES_WEBHOOK_SECRET}', and put the receiver's whsec_ signing secret in the environment variable BUSINESSOPS_PAYABLES_WEBHOOK_SECRET",
            problem);
    }

    private ConnectorSet Connectors(bool withCheckUrl)
    {
        var endpoint = Samples.Endpoint("payables", _receiver.HookUrl, withCheckUrl ? _receiver.CheckUrl : null);
        var policy = ConnectorsPolicy.Default with { Webhook = Samples.Webhooks(endpoint) };
        return ConnectorSet.Create(policy, new ConnectorOptions(Samples.Env(("PAYABLES_SECRET", WebhookReceiver.Secret)), TimeProvider.System, LocalExecutor: false));
    }
}
