using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>The finance comments (invoice and payment recovery) from <c>finance.sbn</c>: issue text stays text, an edit changes the wording, a broken one falls back.</summary>
public sealed class FinanceTemplateTests
{
    private static string Body(string name) => GoldenInputs.All.Single(i => i.Name == name).Body;

    [Fact]
    public async Task Invoice_HostileLineDescriptions_EscapedNotEvaluated()
    {
        var plan = (await Agents.RunAsync(AgentNames.Finance, Body("finance-hostile"))).Result.Plan!;

        Assert.Contains("| &lt;img src=x onerror=alert(1)&gt; `code` @\u200Dadmins | 1 | 10.00 | 10.00 |\n", plan, StringComparison.Ordinal);
        Assert.Contains("| {{ subtotal }} $\u200B{{ github.token }} \\\\ back | 3 | 2.50 | 7.50 |\n", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", plan, StringComparison.Ordinal);
        Assert.Contains("Subtotal $17.50 + tax $1.44 (8.25 %) = **$18.94** (stated $18.88).", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_HostileCustomer_PipeEscapedInTheCellAndNothingEvaluated()
    {
        var plan = (await Agents.RunAsync(AgentNames.Finance, Body("finance-recovery-hostile"))).Result.Plan!;

        Assert.Contains("| 1 | 2026-10-31 (past) | Hi Acme \\| Co &lt;script&gt;x&lt;/script&gt; @\u200Dops {{ amount }} $\u200B{{ secrets.KEY }}, your payment of $249.00", plan, StringComparison.Ordinal);
        Assert.Equal(5, plan.Split('\n').Count(l => l.StartsWith('|')));
        Assert.DoesNotContain("<script", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedTemplate_BothOperations_KnownValues()
    {
        var context = new DispatchContext
        {
            Policies = new AgentPolicies
            {
                Template = new CommentTemplate("templates/finance.sbn",
                    "{{ if operation == \"recovery\" }}{{ for r in retries }}{{ r.day }}{{ if r.past }}*{{ end }};{{ end }} {{ grace[2].restriction }}{{ else }}{{ lines[0].description }} = {{ computed_total }} via {{ approver }} ({{ checks | array.size }} checks){{ end }}"),
            },
        };

        var invoice = await Agents.RunAsync(AgentNames.Finance, Body("finance-hostile"), context: context);
        var recovery = await Agents.RunAsync(AgentNames.Finance, Body("finance-recovery-escalated"), context: context);

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; `code` @\u200Dadmins = $18.94 via automatic (7 checks)\n", invoice.Result.Plan);
        Assert.Equal("1*;3*;7*; suspended\n", recovery.Result.Plan);
        Assert.DoesNotContain(invoice.Result.Actions.Concat(recovery.Result.Actions), a => a.StartsWith("Note:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("finance-1")]
    [InlineData("finance-recovery-hostile")]
    public async Task BrokenTemplate_NoteWithFileLineColumn_BuiltInOutput(string name)
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate("templates/finance.sbn", "ok\nok\n  {{ for x in }}") } };

        var broken = await Agents.RunAsync(AgentNames.Finance, Body(name), context: context);
        var builtIn = await Agents.RunAsync(AgentNames.Finance, Body(name));

        Assert.Contains(broken.Result.Actions, a => a.StartsWith("Note: templates/finance.sbn:3:", StringComparison.Ordinal) && a.EndsWith("the built-in template was used.", StringComparison.Ordinal));
        Assert.Equal(builtIn.Result.Plan, broken.Result.Plan);
        Assert.Equal(builtIn.Result.Summary, broken.Result.Summary);
    }
}
