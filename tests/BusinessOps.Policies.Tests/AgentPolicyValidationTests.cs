using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Policies.Tests;

/// <summary>The policy keys agents receive through the coordinator: local grace, network allowances, triage keywords.</summary>
public sealed class AgentPolicyValidationTests
{
    [Fact]
    public void Load_LocalGrace_Bound()
    {
        var result = Load.One("dispatch.yml", "local: {timeout: 2m, grace: 15s}\n");

        Assert.True(result.IsValid);
        Assert.Equal(TimeSpan.FromSeconds(15), result.Policies!.Dispatch.Local.Grace);
        Assert.Equal(TimeSpan.FromMinutes(2), result.Policies.Dispatch.Local.Timeout);
    }

    [Fact]
    public void Load_LocalGraceTooLong_ErrorNamesTheLimit()
    {
        Assert.Equal(
            "dispatch.yml:1:16: 'grace' (10m) is too long: at most 5m; an agent that ignores SIGTERM is killed after it",
            Load.SingleError(Load.One("dispatch.yml", "local: {grace: 10m}\n")));
    }

    [Fact]
    public void Load_NoNetworkKey_PublicOnly()
    {
        Assert.Equal(NetworkPolicy.PublicOnly, Load.One("dispatch.yml", "local: {timeout: 1m}\n").Policies!.Dispatch.Network);
    }

    [Fact]
    public void Load_NetworkAllow_BindsEachRange()
    {
        var result = Load.One("dispatch.yml", "network:\n  allow: [loopback, link-local]\n");

        Assert.Equal(new NetworkPolicy(AllowLoopback: true, AllowPrivate: false, AllowLinkLocal: true), result.Policies!.Dispatch.Network);
    }

    [Fact]
    public void Load_NetworkAllowUnknownRange_ErrorSaysWhatIsAccepted()
    {
        Assert.Equal(
            "dispatch.yml:2:11: 'network.allow' entries are loopback, private or link-local; found 'internet' (public addresses are always allowed)",
            Load.SingleError(Load.One("dispatch.yml", "network:\n  allow: [internet]\n")));
    }

    [Fact]
    public void Load_Triage_RoutesEachLabelThroughTheRules()
    {
        var text = "rules:\n  - {match: dev/qa, agent: qa}\n  - {match: sales/*, agent: sales}\ntriage:\n  - {label: sales/leads, keywords: [Lead, prospect]}\n  - {label: dev/qa, keywords: [flaky]}\n";

        var routing = Load.One("routing.yml", text).Policies!.Routing;

        Assert.Equal(2, routing.Triage.Count);
        Assert.Equal(("sales/leads", AgentNames.Sales), (routing.Triage[0].Label, routing.Triage[0].Agent));
        Assert.Equal(["lead", "prospect"], routing.Triage[0].Keywords);
        Assert.Equal(AgentNames.Qa, routing.Triage[1].Agent);
    }

    [Fact]
    public void Load_TriageLabelNoRuleRoutes_Error()
    {
        var text = "rules:\n  - {match: dev/qa, agent: qa}\ntriage:\n  - {label: finance/analysis, keywords: [invoice]}\n";

        Assert.Equal(
            "routing.yml:4:13: triage label 'finance/analysis' matches no rule above, so it would route nowhere; add a rule for it or pick a routed label",
            Load.SingleError(Load.One("routing.yml", text)));
    }

    [Fact]
    public void Load_TriageFamilyLabel_Error()
    {
        var text = "rules:\n  - {match: sales/*, agent: sales}\ntriage:\n  - {label: sales/*, keywords: [lead]}\n";

        Assert.Contains("must be an exact label", Load.SingleError(Load.One("routing.yml", text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoTriageKey_EmbeddedKeywords()
    {
        var routing = Load.One("routing.yml", "rules:\n  - {match: dev/qa, agent: qa}\n").Policies!.Routing;

        Assert.Same(RoutingPolicy.DefaultTriage, routing.Triage);
    }

    [Fact]
    public void Load_ShippedRouting_TriageEqualsEmbeddedDefault()
    {
        var loaded = PolicyLoader.Load(Load.ShippedDirectory()).Policies!.Routing.Triage;

        Assert.Equal(
            RoutingPolicy.DefaultTriage.Select(r => $"{r.Label}>{r.Agent}:{string.Join(",", r.Keywords)}"),
            loaded.Select(r => $"{r.Label}>{r.Agent}:{string.Join(",", r.Keywords)}"));
    }
}
