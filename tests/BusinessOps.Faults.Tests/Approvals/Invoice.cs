using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Faults.Tests.Harness;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Faults.Tests.Approvals;

/// <summary>
/// One invoice issue filed by dana and planned by the real shell, waiting for the finance manager (fiona). fiona, carla,
/// dana and github-actions[bot] can write; rita can read.
/// </summary>
internal sealed record Invoice(InMemoryIssueStore Store, FakeTimeProvider Clock, LedgerExecutor Executor, int Number)
{
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
        var invoice = new Invoice(store, clock, new LedgerExecutor("local") { Answer = Invoices.Answer }, number);
        await invoice.PassesAsync(1);
        return (await invoice.IssueAsync()).HasLabel("status/awaiting-approval")
            ? invoice
            : throw new InvalidOperationException("the invoice plan is not waiting for an approval: " + string.Join(", ", (await invoice.IssueAsync()).Labels));
    }

    /// <summary>Passes five minutes apart.</summary>
    public async Task PassesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(5));
            await new Reconciler(Store, Executor, PolicySet.Default, Clock, new ReconcileOptions(1), Log.Quiet).RunOnceAsync(CancellationToken.None);
        }
    }

    public async Task<IssueSnapshot> IssueAsync() => (await Store.GetIssueAsync(Number, CancellationToken.None))!;
}
