using BusinessOps.Agents.Samples;
using BusinessOps.Connectors.Schemas;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13 and 11 for the developer agent: feature floors, sub-issues with estimates, scaffolds as a draft pull request.</summary>
public sealed class DeveloperPlanTests
{
    private static readonly int SecurityFloor = DeliveryRules.Default.Drivers.Single(d => d.Name == "security").Floor;

    [Fact]
    public void SecurityFloor_Documented_IsThirteen() => Assert.Equal(13, SecurityFloor);

    [Fact]
    public async Task Developer_SsoFeatureWithThinCriteria_AtLeastTheSecurityFloor()
    {
        var body = FormBody.Of(("Feature", "Single sign-on with Okta for enterprise customers"), ("Acceptance criteria", "- [ ] Users can use their company account"));

        var run = await Agents.RunAsync(AgentNames.Developer, body);
        var tasks = run.Out("tasks").AsArray();

        var work = tasks.Where(t => t!["title"]!.GetValue<string>() != "Automated tests for the acceptance criteria").Sum(t => t!["points"]!.GetValue<int>());
        Assert.True(work >= SecurityFloor, $"SSO estimated at {work} points, below the documented floor {SecurityFloor}");
        Assert.Equal([1, 13, 5], tasks.Select(t => t!["points"]!.GetValue<int>()));
        Assert.Equal(["security", "floor"], tasks[1]!["drivers"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.StartsWith("Security work the criteria do not spell out", tasks[1]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Developer_FloorFromPolicy_RaisesTheEstimate()
    {
        var rules = DeliveryRules.Default with { Drivers = [.. DeliveryRules.Default.Drivers.Select(d => d.Name == "security" ? d with { Floor = 21 } : d)] };
        var context = new DispatchContext { Policies = new AgentPolicies { Rules = new AgentRules { Delivery = rules } } };

        var run = await Agents.RunAsync(AgentNames.Developer, FormBody.Of(("Feature", "SSO"), ("Acceptance criteria", "- [ ] Works")), context: context);

        Assert.Equal(21, run.Out("tasks")[1]!["points"]!.GetValue<int>());
    }

    [Fact]
    public async Task Developer_Tasks_OneSubIssuePerTaskWithItsEstimate()
    {
        var body = FormBody.Of(
            ("Feature", "Single sign-on"),
            ("Acceptance criteria", "- [ ] Migrate the users table to store the identity provider id\n- [ ] Admins sign in with SSO (SAML)\n- [ ] A settings page to configure the identity provider"));

        var run = await Agents.RunAsync(AgentNames.Developer, body);

        var tasks = run.Out("tasks").AsArray();
        Assert.Equal(tasks.Count, run.Result.Effects.Count);
        Assert.All(run.Result.Effects, e => Assert.Equal((EffectKinds.GitHubIssue, "#7"), (e.Kind, e.Target)));
        Assert.All(run.Result.Effects, e => Assert.Empty(EffectSchemas.Validate(e)));
        var second = run.Result.Effects[1];
        Assert.Equal("[2/4] Admins sign in with SSO (SAML)", EffectParameters.Text(second.Parameters, "title"));
        Assert.Equal("8 pt", EffectParameters.Text(second.Parameters, "estimate"));
        Assert.True(EffectParameters.Flag(second.Parameters, "subIssue"));
        Assert.Contains("- After: task 1", EffectParameters.Text(second.Parameters, "body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Developer_AgentScaffold_DraftPullRequestWithTheRenderedFiles()
    {
        var body = FormBody.Of(("Feature", "Alert on low stock <fast> & \"safe\""), ("Acceptance criteria", "- [ ] Reports low stock"), ("Scaffold", "agent"), ("Scaffold name", "stock-alerts"));

        var run = await Agents.RunAsync(AgentNames.Developer, body);

        var pr = run.Result.Effects[^1];
        Assert.Equal((EffectKinds.GitHubPullRequest, "#7"), (pr.Kind, pr.Target));
        Assert.Empty(EffectSchemas.Validate(pr));
        var files = EffectParameters.Items(pr.Parameters, "files").ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("content").GetString()!);
        Assert.Equal(["agents/BusinessOps.Agents/StockAlerts/StockAlertsAgent.cs", "agents/ai-stock-alerts-agent/ai-stock-alerts-agent.csproj", "agents/ai-stock-alerts-agent/Program.cs"], files.Keys);
        var agent = files["agents/BusinessOps.Agents/StockAlerts/StockAlertsAgent.cs"];
        Assert.Contains("public sealed class StockAlertsAgent : IAgent", agent, StringComparison.Ordinal);
        Assert.Contains("public string Name => \"ai-stock-alerts-agent\";", agent, StringComparison.Ordinal);
        Assert.Contains("/// <summary>ai-stock-alerts-agent: Alert on low stock &lt;fast&gt; &amp; &quot;safe&quot;</summary>", agent, StringComparison.Ordinal);
        Assert.Contains("<AssemblyName>ai-stock-alerts-agent</AssemblyName>", files["agents/ai-stock-alerts-agent/ai-stock-alerts-agent.csproj"], StringComparison.Ordinal);
        Assert.Contains("new StockAlertsAgent()", files["agents/ai-stock-alerts-agent/Program.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Developer_WorkflowScaffold_FeatureQuotedAsYaml()
    {
        var body = FormBody.Of(("Feature", "Bob's launch: [phase 1] # now"), ("Acceptance criteria", "- [ ] Ship"), ("Scaffold", "workflow"), ("Scaffold name", "launch"));

        var run = await Agents.RunAsync(AgentNames.Developer, body);

        var file = Assert.Single(EffectParameters.Items(run.Result.Effects[^1].Parameters, "files"));
        Assert.Equal("policies/workflows/launch.yml", file.GetProperty("path").GetString());
        var content = file.GetProperty("content").GetString()!;
        Assert.Contains("title: 'Bob''s launch: [phase 1] # now'\n", content, StringComparison.Ordinal);
        Assert.Contains("    agent: devops\n", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Developer_PolicyScaffold_OneFile()
    {
        var run = await Agents.RunAsync(AgentNames.Developer, FormBody.Of(("Feature", "Stock thresholds"), ("Acceptance criteria", "- [ ] Configurable"), ("Scaffold", "policy"), ("Scaffold name", "inventory")));

        Assert.Equal("policies/inventory.yml", Assert.Single(EffectParameters.Items(run.Result.Effects[^1].Parameters, "files")).GetProperty("path").GetString());
        Assert.Equal(["policies/inventory.yml"], run.Out("scaffoldFiles").AsArray().Select(f => f!.GetValue<string>()));
    }

    [Theory]
    [InlineData("agent", "", "Field `Scaffold name` is required")]
    [InlineData("agent", "Stock Alerts", "Field `Scaffold name` is invalid")]
    [InlineData("agent", "../../etc", "Field `Scaffold name` is invalid")]
    [InlineData("agent", "stock-agent", "Field `Scaffold name` is invalid")]
    [InlineData("library", "stock", "Field `Scaffold` is invalid")]
    public async Task Developer_BadScaffoldFields_BadInput(string kind, string name, string expected)
    {
        var run = await Agents.RunAsync(AgentNames.Developer, FormBody.Of(("Feature", "x"), ("Acceptance criteria", "- [ ] y"), ("Scaffold", kind), ("Scaffold name", name)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(expected, run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Developer_NoScaffold_OnlySubIssues()
    {
        var run = await Agents.RunAsync(AgentNames.Developer, FormBody.Of(("Feature", "x"), ("Acceptance criteria", "- [ ] y"), ("Scaffold", "none")));

        Assert.All(run.Result.Effects, e => Assert.Equal(EffectKinds.GitHubIssue, e.Kind));
    }
}
