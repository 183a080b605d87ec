using BusinessOps.Connectors;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Faults.Tests.Harness;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Faults.Tests.Approvals;

/// <summary>
/// One invoice issue filed by dana and planned by the real shell, waiting for the finance manager (fiona). fiona, carla,
/// dana and github-actions[bot] can write; rita can read. Approved plans act through the real webhook connector: the
/// <c>payables</c> endpoint is a Standard Webhooks receiver on loopback (<see cref="Payables"/>), so what was paid — and
/// how often — is read where the money would go.
/// </summary>
internal sealed class Invoice : IAsyncDisposable
{
    private const string SecretVariable = "PAYABLES_SECRET";

    private Invoice(InMemoryIssueStore store, FakeTimeProvider clock, WebhookReceiver payables, int number)
    {
        Store = store;
        Clock = clock;
        Payables = payables;
        Number = number;
        var endpoint = new WebhookEndpoint(PaymentInstruction.DefaultEndpoint, payables.HookUrl, null, SecretVariable, WebhookFormat.Standard, payables.CheckUrl);
        Policies = PolicySet.Default with
        {
            Connectors = ConnectorsPolicy.Default with { Webhook = new WebhookConnectorPolicy(true, TimeSpan.FromSeconds(5), 2, TimeSpan.FromMilliseconds(20), [endpoint]) },
        };

        // The receiver checks the replay window against the wall clock (the StandardWebhooks package reads it), so the
        // connector signs on the wall clock; the coordinator's passes keep the fake one.
        Connectors = ConnectorSet.Create(Policies.Connectors, new ConnectorOptions(name => name == SecretVariable ? WebhookReceiver.Secret : null, TimeProvider.System, LocalExecutor: true));
    }

    public InMemoryIssueStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public LedgerExecutor Executor { get; } = new("local") { Answer = Invoices.Answer };

    /// <summary>The payables system the approved payment instruction goes to.</summary>
    public WebhookReceiver Payables { get; }

    public PolicySet Policies { get; }

    public ConnectorSet Connectors { get; }

    public int Number { get; }

    public static async Task<Invoice> PlannedAsync(string body)
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        var store = new InMemoryIssueStore(clock);
        foreach (var login in new[] { "fiona", "carla", "dana", "github-actions[bot]" })
        {
            store.SetPermission(login, RepositoryPermission.Write);
        }

        store.SetPermission("rita", RepositoryPermission.Read);
        store.Actor = "dana";
        var number = (await store.CreateIssueAsync(new NewIssue("Pay Initech", body, ["finance/analysis", "priority/P2"]), CancellationToken.None)).Number;
        store.Actor = store.Identity;
        var invoice = new Invoice(store, clock, await WebhookReceiver.StartAsync(), number);
        await invoice.PassesAsync(1);
        if (!(await invoice.IssueAsync()).HasLabel("status/awaiting-approval"))
        {
            var labels = string.Join(", ", (await invoice.IssueAsync()).Labels);
            await invoice.DisposeAsync();
            throw new InvalidOperationException("the invoice plan is not waiting for an approval: " + labels);
        }

        return invoice;
    }

    /// <summary>Passes five minutes apart.</summary>
    public async Task PassesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(5));
            await new Reconciler(Store, Executor, Policies, Clock, new ReconcileOptions(1), Log.Quiet, effects: Connectors.Router).RunOnceAsync(CancellationToken.None);
        }
    }

    public async Task<IssueSnapshot> IssueAsync() => (await Store.GetIssueAsync(Number, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        Connectors.Dispose();
        await Payables.DisposeAsync();
    }
}
