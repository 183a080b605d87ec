using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Policies.Tests;

public sealed class ShippedPoliciesTests
{
    public static TheoryData<string> Directories => new()
    {
        Load.ShippedDirectory(),
        Path.Combine(AppContext.BaseDirectory, "policies"),
    };

    [Theory]
    [MemberData(nameof(Directories))]
    public void Load_ShippedDirectory_NoErrorsNoNotes(string directory)
    {
        var result = PolicyLoader.Load(directory);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Notes);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Load_ShippedDirectory_EqualsEmbeddedDefaultsInSubstance()
    {
        var loaded = PolicyLoader.Load(Load.ShippedDirectory()).Policies!;
        var d = PolicySet.Default;

        Assert.Equal(d.Routing.Rules, loaded.Routing.Rules);

        Assert.Equal(d.Sla.DefaultPriority, loaded.Sla.DefaultPriority);
        Assert.Equal(d.Sla.AtRiskFraction, loaded.Sla.AtRiskFraction);
        Assert.Equal(d.Sla.Managers, loaded.Sla.Managers);
        Assert.Equal(Sorted(d.Sla.Targets), Sorted(loaded.Sla.Targets));

        Assert.Equal(Sorted(d.Dispatch.Targets), Sorted(loaded.Dispatch.Targets));
        Assert.Equal(d.Dispatch.Local, loaded.Dispatch.Local);
        Assert.Equal(d.Dispatch.Retry, loaded.Dispatch.Retry);

        Assert.Equal(d.Autonomy.Mode, loaded.Autonomy.Mode);
        Assert.Equal(d.Autonomy.L1, loaded.Autonomy.L1);
        Assert.Equal(d.Autonomy.L3, loaded.Autonomy.L3);
        Assert.Equal(d.Autonomy.Overrides, loaded.Autonomy.Overrides);
        Assert.Equal(d.Autonomy.DisabledAgents, loaded.Autonomy.DisabledAgents);
        Assert.Equal(d.Autonomy.Risk, loaded.Autonomy.Risk);

        var (da, la) = (d.Approvals, loaded.Approvals);
        Assert.Equal(da.AllowSelfApproval, la.AllowSelfApproval);
        Assert.Equal(da.MinimumApproverPermission, la.MinimumApproverPermission);
        Assert.Equal(da.FinancialTiers, la.FinancialTiers);
        Assert.Equal(da.CustomerTiers, la.CustomerTiers);
        Assert.Equal(Sorted(da.Timeouts), Sorted(la.Timeouts));
        Assert.Equal(Sorted(da.Commands), Sorted(la.Commands));
        Assert.Equal(
            da.Roles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={string.Join(",", r.Value)}"),
            la.Roles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={string.Join(",", r.Value)}"));

        Assert.Equal(d.QualityGates, loaded.QualityGates);
    }

    [Fact]
    public void Load_ShippedDirectory_LookupsAreCaseInsensitiveLikeDefaults()
    {
        var approvals = PolicyLoader.Load(Load.ShippedDirectory()).Policies!.Approvals;

        Assert.True(approvals.Roles.ContainsKey("CFO"));
        Assert.True(approvals.Commands.ContainsKey("Approve"));
        Assert.Equal(TimeSpan.FromHours(1), PolicyLoader.Load(Load.ShippedDirectory()).Policies!.Sla.For(Priority.P0).Target);
    }

    private static List<string> Sorted<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> map)
        where TKey : notnull =>
        [.. map.Select(kv => $"{kv.Key}={kv.Value}").Order(StringComparer.Ordinal)];
}
