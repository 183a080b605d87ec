using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Policies.Tests;

public sealed class PolicyLabelsTests
{
    private static readonly IReadOnlyList<LabelDefinition> Defaults = PolicyLabels.All(PolicySet.Default);

    [Fact]
    public void All_Defaults_ExactOrderedCatalogue()
    {
        Assert.Equal(
            [
                "operations/monitoring", "operations/optimization", "support/quality-assurance", "analytics/reporting",
                "security/compliance", "success/user-research", "finance/analysis",
                "dev/architecture", "dev/implementation", "dev/qa", "dev/deploy", "dev/management",
                "priority/P0", "priority/P1", "priority/P2", "priority/P3",
                "status/queued", "status/in-progress", "status/awaiting-approval", "status/awaiting-decision",
                "status/done", "status/failed", "status/escalated", "status/needs-triage", "status/on-hold",
                "sla/at-risk", "sla/breached",
                "autonomy/L1", "autonomy/L2", "autonomy/L3",
                "review/requested",
            ],
            Defaults.Select(l => l.Name));
    }

    [Fact]
    public void All_Defaults_ColoursAreSixHexAndDescriptionsFitGitHub()
    {
        Assert.All(Defaults, l =>
        {
            Assert.Matches("^[0-9a-f]{6}$", l.Color);
            Assert.InRange(l.Description.Length, 1, 100);
        });
    }

    [Fact]
    public void All_Defaults_DescriptionsComeFromPolicy()
    {
        Assert.Equal(new LabelDefinition("dev/qa", "1d76db", "Quality gates"), Defaults.Single(l => l.Name == "dev/qa"));
        Assert.Equal(new LabelDefinition("priority/P0", "b60205", "Resolve within 1h; managers are told on breach"), Defaults.Single(l => l.Name == "priority/P0"));
        Assert.Equal("Resolve within 3d", Defaults.Single(l => l.Name == "priority/P3").Description);
        Assert.Equal("Past 75% of its SLA target", Defaults.Single(l => l.Name == "sla/at-risk").Description);
    }

    [Fact]
    public void All_CustomRouting_SkipsFamiliesDeduplicatesAndDefaultsDescription()
    {
        var routing = new RoutingPolicy([new("hr/hiring", "ai-manager-agent"), new("hr/*", "ai-manager-agent", "HR"), new("HR/Hiring", "ai-qa-agent", "dup")]);

        var labels = PolicyLabels.All(PolicySet.Default with { Routing = routing });

        var hr = Assert.Single(labels, l => l.Name.StartsWith("hr/", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("hr/hiring", hr.Name);
        Assert.Equal("Routed to ai-manager-agent", hr.Description);
        Assert.Matches("^[0-9a-f]{6}$", hr.Color);
        Assert.Equal(31 - 12 + 1, labels.Count);
    }

    [Fact]
    public void All_CalledTwice_SameResult()
    {
        Assert.Equal(Defaults, PolicyLabels.All(PolicySet.Default));
    }
}
