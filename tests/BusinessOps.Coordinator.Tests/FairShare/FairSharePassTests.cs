using BusinessOps.Coordinator.Tests.Reconcile;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using Xunit;

namespace BusinessOps.Coordinator.Tests.FairShare;

/// <summary>
/// The fair share on real passes (issue 12, "Batch fair share per client"): one client's burst does not starve another,
/// a client's <c>maxConcurrent</c> holds across passes and executors, and what waits is started later, never lost.
/// </summary>
public sealed class FairSharePassTests
{
    [Fact]
    public async Task RunOnce_Burst50OfAcmeAnd3OfGlobex_BudgetOf10_GlobexsThreeRunInTheFirstPass()
    {
        var s = new Shell(Policies(perPass: 10));
        for (var i = 0; i < 50; i++)
        {
            await s.FileAsync($"Acme customer {i} cannot log in", "Login fails.", "support/technical", "priority/P2", "client/acme");
        }

        int[] globex = [await s.FileAsync("Globex A", "x", "support/technical", "priority/P2", "client/globex"), await s.FileAsync("Globex B", "x", "support/technical", "priority/P2", "client/globex"), await s.FileAsync("Globex C", "x", "support/technical", "priority/P2", "client/globex")];

        var first = await s.PassAsync();

        Assert.Equal(10, first.Dispatched);
        Assert.Equal(globex, s.Executor.Requests.Select(r => r.Issue.Number).Where(globex.Contains).Order());
        var waiting = await s.IssueAsync(50);
        Assert.Contains(LabelNames.For(IssueStatus.Queued), waiting.Labels);
        Assert.DoesNotContain(waiting.Comments, c => c.Body.Contains("Waiting", StringComparison.Ordinal));

        // Nothing is lost: the budget moves on pass by pass until every issue ran, each once.
        for (var pass = 0; pass < 5; pass++)
        {
            await s.PassAsync();
        }

        Assert.Equal(Enumerable.Range(1, 53), s.Executor.Requests.Select(r => r.Issue.Number).Order());
        Assert.Equal(0, (await s.PassAsync()).Writes);
    }

    [Fact]
    public async Task Passes_MaxConcurrent2OnTheCloud_NeverMoreThanTwoInFlight_HeldSayOnceAndStartLater()
    {
        var s = new Shell(Policies(acmeMax: 2), executor: "lambda") { };
        s.Executor.Script = _ => null;
        var acme = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            acme.Add(await s.FileAsync($"Acme lead {i}", "x", "sales/leads", i == 4 ? "priority/P0" : "priority/P2", "client/acme"));
        }

        var globex = await s.FileAsync("Globex lead", "x", "sales/leads", "priority/P2", "client/globex");

        await s.PassAsync();
        Assert.Equal(2, await InFlightAsync(s, acme));
        Assert.Contains(s.Executor.Requests, r => r.Issue.Number == globex);

        // The P0 went first; the others wait queued with one note naming the limit, and an idle pass writes nothing.
        Assert.Contains(s.Executor.Requests, r => r.Issue.Number == acme[4]);
        var held = await s.IssueAsync(acme[2]);
        Assert.Contains(LabelNames.For(IssueStatus.Queued), held.Labels);
        var note = Assert.Single(held.Comments, c => c.Body.Contains("maxConcurrent", StringComparison.Ordinal) && !c.Body.Contains("businessops:state", StringComparison.Ordinal));
        Assert.Contains("Waiting: client `acme` has 2 issues in flight", note.Body, StringComparison.Ordinal);
        Assert.Equal(0, (await s.PassAsync()).Writes);
        Assert.Equal(2, await InFlightAsync(s, acme));

        // Runs finish one by one (their results come back); each pass starts no more than the limit allows.
        for (var round = 0; round < 6 && s.Executor.Requests.Count(r => acme.Contains(r.Issue.Number)) < acme.Count; round++)
        {
            await FinishOneAsync(s, acme);
            await s.PassAsync();
            Assert.True(await InFlightAsync(s, acme) <= 2);
        }

        Assert.Equal(acme.Order(), s.Executor.Requests.Select(r => r.Issue.Number).Where(acme.Contains).Order());
        Assert.All(acme, n => Assert.Single(s.Executor.Requests, r => r.Issue.Number == n));
    }

    [Fact]
    public async Task Event_ClientAtItsLimit_TheNewIssueWaitsWithTheNote()
    {
        var s = new Shell(Policies(acmeMax: 2), executor: "lambda");
        s.Executor.Script = _ => null;
        var one = await s.FileAsync("Acme lead 1", "x", "sales/leads", "priority/P2", "client/acme");
        var two = await s.FileAsync("Acme lead 2", "x", "sales/leads", "priority/P2", "client/acme");
        await s.EventAsync(one);
        await s.EventAsync(two);
        var third = await s.FileAsync("Acme lead 3", "x", "sales/leads", "priority/P2", "client/acme");

        await s.EventAsync(third);

        Assert.DoesNotContain(s.Executor.Requests, r => r.Issue.Number == third);
        Assert.Contains((await s.IssueAsync(third)).Comments, c => c.Body.Contains("`maxConcurrent: 2`", StringComparison.Ordinal));
    }

    private static PolicySet Policies(int? perPass = null, int? acmeMax = null) => PolicySet.Default with
    {
        Clients = new Dictionary<string, ClientProfile>(StringComparer.OrdinalIgnoreCase)
        {
            ["acme"] = new("acme") { Name = "Acme", MaxConcurrent = acmeMax },
            ["globex"] = new("globex") { Name = "Globex" },
        },
        Dispatch = DispatchPolicy.Default with { PerPass = perPass },
    };

    private static async Task<int> InFlightAsync(Shell s, IEnumerable<int> issues)
    {
        var count = 0;
        foreach (var n in issues)
        {
            count += (await s.StateAsync(n)).Status == IssueStatus.InProgress ? 1 : 0;
        }

        return count;
    }

    // The results queue brings one run's result back: the coordinator's own result comment on the issue.
    private static async Task FinishOneAsync(Shell s, IEnumerable<int> issues)
    {
        foreach (var n in issues)
        {
            var state = await s.StateAsync(n);
            if (state.Status == IssueStatus.InProgress && s.Executor.Requests.LastOrDefault(r => r.Key == state.Key) is { } request)
            {
                s.Clock.Advance(TimeSpan.FromMinutes(1));
                s.Store.AddCommentAs(n, s.Store.Identity, ResultComment.Render(Plans.Routine(request)));
                return;
            }
        }
    }
}
