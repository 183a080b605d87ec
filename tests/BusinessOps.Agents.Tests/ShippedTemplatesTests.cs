using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>The templates shipped in policies/templates/ are the agents' built-in wording written out: using them changes nothing.</summary>
public sealed class ShippedTemplatesTests
{
    public static TheoryData<string, string, string> Operations => new()
    {
        { AgentNames.Sales, "sales", FormBody.Of(("Company", "Globex"), ("Budget", "$120,000"), ("Authority", "influencer"), ("Need", "critical"), ("Timing", "immediate")) },
        { AgentNames.Sales, "sales", FormBody.Of(("Company", "Globex"), ("Contact email", "jane@globex.com"), ("Plan", "business"), ("Seats", "20"), ("Billing", "annual"), ("Discount", "25")) },
        { AgentNames.Marketing, "marketing", FormBody.Of(("Page title", "Pricing"), ("Meta description", "Our prices."), ("Focus keyword", "pricing"), ("Content", "# Pricing\n\nSee our pricing.")) },
        { AgentNames.Marketing, "marketing", FormBody.Of(("Campaign", "Launch"), ("Audience", "agencies"), ("Budget", "5000"), ("Start date", "2026-12-01"), ("End date", "2026-12-20")) },
        { AgentNames.Manager, "manager", FormBody.Of(("Request", "Checkout is down for all customers, outage")) },
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
    public async Task BrokenTemplate_BuiltInUsedAndNoteNamesFileAndLine(string agent, string template)
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate($"templates/{template}.sbn", "ok\nok\n{{ for }}") } };
        var body = agent == AgentNames.Manager ? FormBody.Of(("Request", "Refund please")) : FormBody.Of(("Page title", "Pricing"), ("Meta description", "Our prices."), ("Focus keyword", "pricing"), ("Content", "# Pricing"));

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
}
