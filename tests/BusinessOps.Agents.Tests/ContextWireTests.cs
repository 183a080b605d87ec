using System.Text.Json;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>The agents' rules, templates and knowledge travel in the context file (source-generated JSON) and arrive intact.</summary>
public sealed class ContextWireTests
{
    private static DispatchContext RoundTrip(DispatchContext context) =>
        AgentInput.ParseContext(JsonSerializer.SerializeToUtf8Bytes(context, AgentContextJson.Wire.DispatchContext));

    [Fact]
    public async Task Context_SupportBookOverTheWire_SameAnswerAndTemplate()
    {
        var book = AgentPolicyBook.Default with
        {
            Knowledge = [new KnowledgeArticle("knowledge/refunds.md", "Refunds", "# Refunds\n\nWe refund duplicate charges within 5 days.")],
            Templates = new Dictionary<string, CommentTemplate> { ["support"] = new("templates/support.sbn", "Ticket: {{ category }}/{{ subcategory }}") },
            Rules = AgentRules.Default with { Support = SupportRules.Default with { EnterprisePlans = ["gold"] } },
        };
        var context = new DispatchContext { Client = new ClientProfile("acme") { Attributes = new Dictionary<string, string> { ["plan"] = "gold" } }, Policies = book.For(AgentNames.Support, new AgentPolicies()) };
        var body = FormBody.Of(("Description", "Please refund the duplicate charge"));

        var run = await Agents.RunAsync(AgentNames.Support, body, context: RoundTrip(context));

        Assert.Equal("Ticket: billing/refund\n", run.Result.Plan);
        Assert.Equal("knowledge/refunds.md", run.Out("sources").AsArray()[0]!["source"]!.GetValue<string>());
        Assert.Equal(["enterprise customer"], run.Out("escalationReasons").AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Context_FinanceRulesOverTheWire_TiersApplied()
    {
        var finance = FinanceRules.Default with { ApprovalTiers = [new("auto", 100m, null), new("owner", null, "owner")] };
        var book = AgentPolicyBook.Default with { Rules = AgentRules.Default with { Finance = finance } };
        var body = FormBody.Of(("Vendor", "Initech"), ("Invoice number", "INV-9"), ("Invoice date", "2026-11-01"), ("Due date", "2026-12-01"),
            ("Line items", "Thing | 1 | 500.00"), ("Tax rate", "0"), ("Total", "500.00"));

        var run = await Agents.RunAsync(AgentNames.Finance, body, context: RoundTrip(new DispatchContext { Policies = book.For(AgentNames.Finance, new AgentPolicies()) }));

        Assert.Equal("owner", run.Str("approver"));
    }
}
