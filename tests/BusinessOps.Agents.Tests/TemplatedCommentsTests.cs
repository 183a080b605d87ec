using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>The QA, security, developer, architect, devops, operations and finance comments follow an edited template, keep issue text as text, and survive a broken one.</summary>
public sealed class TemplatedCommentsTests
{
    // Each agent's first golden input and a field of its form that reaches the comment.
    public static TheoryData<string, string> Agents6 => new()
    {
        { AgentNames.Qa, "{{ for g in gates }}{{ g.name }}={{ g.result }};{{ end }}" },
        { AgentNames.Security, "{{ secrets.size }} secret(s), score {{ score }}" },
        { AgentNames.Developer, "{{ tasks.size }} tasks for {{ feature }}" },
        { AgentNames.Architect, "We pick {{ winner.option }}." },
        { AgentNames.DevOps, "{{ steps.size }} steps for {{ service }}" },
        { AgentNames.Operations, "{{ checks.size }} endpoint(s): {{ checks[0].state }}" },
        { AgentNames.Finance, "{{ lines.size }} line(s), {{ computed_total }} to {{ approver }}" },
    };

    [Theory]
    [MemberData(nameof(Agents6))]
    public async Task EditedTemplate_ChangesTheWording(string agent, string template)
    {
        var body = GoldenInputs.All.First(i => i.Agent == agent).Body;
        var context = new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate("templates/x.sbn", "Edited: " + template) } };

        var run = await Agents.RunAsync(agent, body, context: context);

        Assert.StartsWith("Edited: ", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Actions, a => a.StartsWith("Note:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditedTemplate_KnownValues()
    {
        var qa = await Agents.RunAsync(AgentNames.Qa, GoldenInputs.All.First(i => i.Agent == AgentNames.Qa).Body,
            context: new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate("templates/qa.sbn", "{{ for g in gates }}{{ g.name }}={{ g.result }};{{ end }}") } });
        var devops = await Agents.RunAsync(AgentNames.DevOps, GoldenInputs.All.First(i => i.Agent == AgentNames.DevOps).Body,
            context: new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate("templates/devops.sbn", "Ship {{ service }} {{ version }} to {{ environment }}.") } });

        Assert.Equal("coverage=pass;pass rate=pass;security=not_measured;performance=not_measured;\n", qa.Result.Plan);
        Assert.Equal("Ship billing-api 2.4.1 to staging.\n", devops.Result.Plan);
    }

    [Fact]
    public async Task IssueTextWithMarkupAndExpressions_EscapedNotEvaluated()
    {
        var architect = FormBody.Of(
            ("Decision", "Pick <img src=x onerror=alert(1)> {{ 7 * 7 }} ${{ github.token }} @team"),
            ("Options", "A {{ close }}\nB"),
            ("Criteria", "cost: 1"),
            ("Scores", "A {{ close }}: 5\nB: 1"));
        var developer = FormBody.Of(("Feature", "Export {{ tasks.size }}"), ("Acceptance criteria", "- [ ] Users see <b>bold</b> and {{ 1 + 1 }} @admins"));

        var adr = (await Agents.RunAsync(AgentNames.Architect, architect)).Result.Plan!;
        var tasks = (await Agents.RunAsync(AgentNames.Developer, developer)).Result.Plan!;

        Assert.Contains("## ADR: Pick &lt;img src=x onerror=alert(1)&gt; {{ 7 * 7 }} $\u200B{{ github.token }} @\u200Dteam", adr, StringComparison.Ordinal);
        Assert.Contains("- A {{ close }}\n", adr, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", adr, StringComparison.Ordinal);
        Assert.DoesNotContain("49", adr, StringComparison.Ordinal);
        Assert.Contains("| Users see &lt;b&gt;bold&lt;/b&gt; and {{ 1 + 1 }} @\u200Dadmins |", tasks, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentNames.Qa)]
    [InlineData(AgentNames.Security)]
    [InlineData(AgentNames.Developer)]
    [InlineData(AgentNames.Architect)]
    [InlineData(AgentNames.DevOps)]
    [InlineData(AgentNames.Operations)]
    [InlineData(AgentNames.Finance)]
    public async Task BrokenTemplate_BuiltInUsedAndNoteNamesFileAndLine(string agent)
    {
        var body = GoldenInputs.All.First(i => i.Agent == agent).Body;
        var file = "templates/" + AgentPolicyBook.TemplateName(agent) + ".sbn";
        var context = new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate(file, "ok\nok\n{{ for }}") } };

        var broken = await Agents.RunAsync(agent, body, context: context);
        var builtIn = await Agents.RunAsync(agent, body);

        Assert.Contains(broken.Result.Actions, a => a.StartsWith($"Note: {file}:3:", StringComparison.Ordinal) && a.EndsWith("the built-in template was used.", StringComparison.Ordinal));
        Assert.Equal(GoldenCommentsTests.WithoutLatency(builtIn.Result.Plan), GoldenCommentsTests.WithoutLatency(broken.Result.Plan));
    }
}
