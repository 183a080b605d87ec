using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>The templates shipped in policies/templates/ are the agents' built-in wording written out: using them changes nothing.</summary>
public sealed class ShippedTemplatesTests
{
    private static readonly string Health = FormBody.Of(("Customer", "Acme"), ("Active usage", "80"), ("Feature adoption", "60"), ("Login frequency", "70"), ("Support health", "90"),
        ("Training completion", "50"), ("Survey score", "40"), ("Payment health", "100"), ("Contract growth", "20"), ("Contact email", "jane@acme.com"));

    public static TheoryData<string, string, string> Operations => new()
    {
        { AgentNames.Sales, "sales", FormBody.Of(("Company", "Globex"), ("Budget", "$120,000"), ("Authority", "influencer"), ("Need", "critical"), ("Timing", "immediate")) },
        { AgentNames.Sales, "sales", FormBody.Of(("Company", "Globex"), ("Contact email", "jane@globex.com"), ("Plan", "business"), ("Seats", "20"), ("Billing", "annual"), ("Discount", "25")) },
        { AgentNames.Marketing, "marketing", FormBody.Of(("Page title", "Pricing"), ("Meta description", "Our prices."), ("Focus keyword", "pricing"), ("Content", "# Pricing\n\nSee our pricing.")) },
        { AgentNames.Marketing, "marketing", FormBody.Of(("Campaign", "Launch"), ("Audience", "agencies"), ("Budget", "5000"), ("Start date", "2026-12-01"), ("End date", "2026-12-20")) },
        { AgentNames.Manager, "manager", FormBody.Of(("Request", "Checkout is down for all customers, outage")) },
        { AgentNames.CustomerSuccess, "customer-success", Health },
        { AgentNames.CustomerSuccess, "customer-success", FormBody.Of(("Customer", "Tiny"), ("Employees", "12"), ("Monthly value", "99"), ("Day", "4"), ("Milestones reached", "- first workflow live")) },
        { AgentNames.CustomerSuccess, "customer-success", FormBody.Of(("Customer", "All"), ("Feedback", "- The dashboard is slow\n- Pricing is confusing\n- Love the Slack integration")) },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task ShippedTemplate_RendersLikeTheBuiltIn(string agent, string template, string body)
    {
        var file = "templates/" + template + ".sbn";
        var shipped = new CommentTemplate(file, await File.ReadAllTextAsync(Path.Combine(Root(), "policies", file)));

        var builtIn = await Agents.RunAsync(agent, body);
        var edited = await Agents.RunAsync(agent, body, context: new DispatchContext { Policies = new AgentPolicies { Template = shipped } });

        Assert.False(string.IsNullOrWhiteSpace(builtIn.Result.Plan));
        Assert.Equal(builtIn.Result.Plan, edited.Result.Plan);
        Assert.DoesNotContain(edited.Result.Actions, a => a.StartsWith("Note:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AgentNames.Marketing, "marketing")]
    [InlineData(AgentNames.Manager, "manager")]
    [InlineData(AgentNames.CustomerSuccess, "customer-success")]
    public async Task BrokenTemplate_BuiltInUsedAndNoteNamesFileAndLine(string agent, string template)
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate($"templates/{template}.sbn", "ok\nok\n{{ for }}") } };
        var body = agent switch
        {
            AgentNames.Manager => FormBody.Of(("Request", "Refund please")),
            AgentNames.CustomerSuccess => Health,
            _ => FormBody.Of(("Page title", "Pricing"), ("Meta description", "Our prices."), ("Focus keyword", "pricing"), ("Content", "# Pricing")),
        };

        var run = await Agents.RunAsync(agent, body, context: context);

        Assert.Contains(run.Result.Actions, a => a.StartsWith($"Note: templates/{template}.sbn:3:", StringComparison.Ordinal) && a.EndsWith("the built-in template was used.", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(run.Result.Plan));
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    [Fact]
    public async Task CustomerSuccess_HealthComment_KnownTableAndEmailLine()
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health);

        const string Table = "| Metric | Value | Weight | Contribution |\n|---|---:|---:|---:|\n| Active usage | 80 | 0.25 | 20.00 |";
        Assert.Equal(Table, run.Result.Plan![..Table.Length]);
        Assert.Contains("| Contract growth | 20 | 0.05 | 1.00 |\n| Weighted score | | 1.00 | 69.5 |\n| Recency (no inactivity given) |", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains("Once approved, the intervention email goes to jane@\u200Dacme.com.", run.Result.Plan, StringComparison.Ordinal);
    }
}
