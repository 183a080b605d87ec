using BusinessOps.Coordinator.Reconcile.FairShare;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Coordinator.Tests.FairShare;

/// <summary>The fair share of a pass's new runs (issue 12, "Batch fair share per client"), as a pure selection.</summary>
public sealed class FairShareSelectorTests
{
    private static readonly Dictionary<string, int> Nothing = [];

    [Fact]
    public void Select_Burst50OfAAnd3OfB_BudgetOf10_BsThreeGoInTheFirstPass()
    {
        var entries = Entries(("a", Priority.P2, 50), ("b", Priority.P2, 3));

        var s = FairShareSelector.Select(entries, Nothing, Clients(), perPass: 10);

        Assert.Equal(10, s.Admitted.Count);
        Assert.Equal([50, 51, 52], s.Admitted.Where(i => entries[i].Client == "b").Order());
        Assert.Equal(43, s.Held.Count);
        Assert.All(s.Held, h => Assert.Equal(DispatchHold.PassBudget, h.Hold));
    }

    [Fact]
    public void Select_ClientsTakeTurnsInTheirOwnOrder_ShareTwoTakesTwoTurns()
    {
        var entries = Entries(("a", Priority.P3, 6), ("b", Priority.P3, 6));

        var s = FairShareSelector.Select(entries, Nothing, Clients(new ClientProfile("a") { Share = 2 }), perPass: 6);

        // a a b a a b: a has share 2; each client's runs keep the pass's (SLA) order.
        Assert.Equal([0, 1, 6, 2, 3, 7], s.Admitted);
    }

    [Fact]
    public void Select_PriorityOrderKept_EveryP1BeforeAnyP2()
    {
        var entries = Entries(("a", Priority.P2, 3), ("b", Priority.P1, 2));

        var s = FairShareSelector.Select(entries, Nothing, Clients(), perPass: null);

        Assert.Equal([3, 4, 0, 1, 2], s.Admitted);
    }

    [Fact]
    public void Select_BudgetSpent_P0StillGoes_ButNotPastItsClientsOwnLimit()
    {
        var entries = Entries(("a", Priority.P2, 5), ("a", Priority.P0, 4));

        var s = FairShareSelector.Select(entries, new Dictionary<string, int> { ["a"] = 1 }, Clients(new ClientProfile("a") { MaxConcurrent = 3 }), perPass: 1);

        Assert.Equal([5, 6], s.Admitted);
        Assert.Equal(DispatchHold.AtClientLimit("a", 3), s.Held.Single(h => h.Index == 7).Hold);
        Assert.All(s.Held.Where(h => entries[h.Index].Priority == Priority.P2), h => Assert.Equal(DispatchHold.AtClientLimit("a", 3), h.Hold));
    }

    [Fact]
    public void Select_P0BeyondTheBudget_NeverHeldByIt()
    {
        var entries = Entries(("a", Priority.P0, 30), ("b", Priority.P1, 2));

        var s = FairShareSelector.Select(entries, Nothing, Clients(), perPass: 10);

        Assert.Equal(30, s.Admitted.Count);
        Assert.Equal([30, 31], s.Held.Select(h => h.Index));
    }

    [Fact]
    public void Select_ResentIntentsAndExecutePhases_AlwaysGoAndNeverCount()
    {
        FairShareEntry[] entries = [new(0, Priority.P2, "a", Exempt: true), new(1, Priority.P2, "a"), new(2, Priority.P2, "a")];

        var s = FairShareSelector.Select(entries, new Dictionary<string, int> { ["a"] = 1 }, Clients(new ClientProfile("a") { MaxConcurrent = 2 }), perPass: 1);

        Assert.Equal([0, 1], s.Admitted);
        Assert.Equal([(2, DispatchHold.AtClientLimit("a", 2))], s.Held);
    }

    [Fact]
    public void Select_OwnWorkWithoutClient_TakesTurnsLikeAClient()
    {
        var entries = Entries((null, Priority.P2, 4), ("a", Priority.P2, 4));

        var s = FairShareSelector.Select(entries, Nothing, Clients(), perPass: 4);

        Assert.Equal([0, 4, 1, 5], s.Admitted);
    }

    internal static List<FairShareEntry> Entries(params (string? Client, Priority Priority, int Count)[] groups)
    {
        var list = new List<FairShareEntry>();
        foreach (var (client, priority, count) in groups)
        {
            for (var i = 0; i < count; i++)
            {
                list.Add(new FairShareEntry(list.Count, priority, client));
            }
        }

        return list;
    }

    internal static Dictionary<string, ClientProfile> Clients(params ClientProfile[] profiles)
    {
        var map = new Dictionary<string, ClientProfile>(StringComparer.OrdinalIgnoreCase) { ["a"] = new("a"), ["b"] = new("b") };
        foreach (var p in profiles)
        {
            map[p.Id] = p;
        }

        return map;
    }
}
