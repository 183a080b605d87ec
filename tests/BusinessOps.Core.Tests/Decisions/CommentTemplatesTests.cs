using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Core.Comments;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Policies;
using BusinessOps.Policies.Wording;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>
/// Every coordinator comment's shipped template (<c>policies/templates/coordinator/*.sbn</c>) renders byte for byte the
/// built-in text, for representative values including hostile issue text, whose markup and mentions stay neutralized.
/// </summary>
public sealed partial class CommentTemplatesTests
{
    // Issue text trying everything: HTML, a mention, a template expression, a workflow expression, a bidi override, a forged marker.
    private const string Hostile = "<b>@all</b> | {{ 6 * 7 }} ${{ secrets.X }} \u202Edrow\n<!-- businessops:state {} -->";

    private static readonly DateTimeOffset At = new(2026, 11, 29, 22, 30, 0, TimeSpan.Zero);

    private static readonly TemplateWording Shipped = LoadShipped();

    public static TheoryData<string> Cases() => [.. CaseTable().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ShippedTemplate_RendersTheBuiltInText(string name)
    {
        var comment = CaseTable()[name];

        var text = comment.Render(Shipped);

        Assert.Equal(comment.BuiltIn, text);
        Assert.Empty(Shipped.Problems);
        var prose = CodeSpan().Replace(text, string.Empty);
        Assert.DoesNotContain("<", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("@all", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("42", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', prose);
    }

    [Fact]
    public void Cases_CoverEveryTemplateButTheStatusComment()
    {
        var covered = CaseTable().Values.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(CommentNames.All.Where(n => n != CommentNames.Status).Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
        foreach (var name in CommentNames.All)
        {
            Assert.True(File.Exists(Path.Combine(Root(), "policies", WordingLoader.FileName(name))), name + " has no shipped template");
        }
    }

    [Fact]
    public void HostileText_NeutralizedInTheRenderedComment()
    {
        var text = PlanComments.Refused(Hostile).Render(Shipped);

        Assert.Contains("&lt;b&gt;@\u200Dall&lt;/b&gt; \\| {{ 6 * 7 }} $\u200B{{ secrets.X }} drow &lt;!-- businessops:state {} --&gt;", text, StringComparison.Ordinal);
    }

    private static Dictionary<string, CommentText> CaseTable()
    {
        var requirement = new ApprovalRequirement(false, [new RoleRequirement("cfo", ["carla", Hostile], 1, ApprovalKind.Synchronous, "amount")], ApprovalKind.Synchronous, "the CFO approves");
        return new(StringComparer.Ordinal)
        {
            // The error is our Markdown (the parser's reply; the one word from the comment is letters, digits and hyphens), the author is not.
            ["command-help"] = CommandComments.Help(Hostile, "`/frob` is not a command. " + CommandParser.Help),
            ["nothing-to-approve"] = CommandComments.NothingToApprove("dana", "reject"),
            ["command-refused"] = CommandComments.Refused(Hostile, "hold", "triage", "none"),
            ["escalated"] = CommandComments.Escalated("@ops @leads ", "fiona", Text.Inline(Hostile)),
            ["escalated, no managers"] = CommandComments.Escalated(string.Empty, "fiona", "no reason given"),
            ["sla-breached"] = DispatchComments.SlaBreached("@ops ", "P0", "1 hour", "3 hours", "ai-project-manager-agent"),
            ["routing-unknown-labels, one"] = RoutingComments.UnknownLabels([Hostile]),
            ["routing-unknown-labels, two"] = RoutingComments.UnknownLabels(["client/Ac me", "priority/P9"]),
            ["routing-agent-conflict"] = RoutingComments.AgentConflict(["agent/ai-qa-agent", "agent/" + Hostile]),
            ["routing-no-label"] = RoutingComments.NoLabel(["finance/analysis", "dev/qa"], ["finance/*", "support/*"]),
            ["routing-conflict"] = RoutingComments.Conflict([("finance/analysis", "ai-finance-agent"), (Hostile, "ai-qa-agent")]),
            ["routing-agent-disabled"] = RoutingComments.AgentDisabled(Hostile),
            ["priority-conflict"] = RoutingComments.PriorityConflict(["priority/P2", "priority/P0"], "priority/P0"),
            ["client-ambiguous"] = ClientComments.Ambiguous(Tenancy.Ambiguous(["acme", "globex"])),
            ["client-unknown"] = ClientComments.Unknown(Tenancy.Unknown("zeta", ["acme", "globex"])),
            ["client-refused, own client"] = ClientComments.Refused(Tenancy.Refusal("acme", Text.Inline(Hostile)), "acme"),
            ["client-refused, no client"] = ClientComments.Refused(Tenancy.Refusal(null, Text.Inline(Hostile)), null),
            ["client-spend-limit"] = ClientComments.SpendLimit("acme", 12.5m, 10m, At),
            ["client-at-limit, one"] = ClientComments.AtLimit("acme", 1),
            ["client-at-limit, three"] = ClientComments.AtLimit("acme", 3),
            ["dispatch-stuck"] = DispatchComments.Stuck("octo/shop#12/plan/1", At, Hostile),
            ["dispatch-start-failed"] = DispatchComments.StartFailed("@ops ", "ai-qa-agent", Hostile),
            ["dispatch-start-failed, no managers"] = DispatchComments.StartFailed(string.Empty, "the agent", "no such function"),
            ["failures-escalated"] = DispatchComments.FailuresEscalated("@ops ", 3, Hostile),
            ["state-rebuilt"] = DispatchComments.StateRebuilt(),
            ["plan-refused"] = PlanComments.Refused(Hostile),
            ["plan-void-edited, nothing done"] = PlanComments.VoidEdited("abc123", [], 2),
            ["plan-void-edited, done before"] = PlanComments.VoidEdited(null, ["e1", "e2"], 3),
            ["plan-void-changed, done before"] = PlanComments.VoidChanged("abc123", Hostile, ["e1"], 2),
            ["plan-void-changed, nothing done"] = PlanComments.VoidChanged(null, Hostile, [], 4),
            ["plan-not-ready"] = PlanComments.NotReady(["- e1 (webhook to `deploy`): the connector `webhook` is off", "- e2 (email): not configured"], 3),
            ["approval-ignored"] = ApprovalComments.Ignored(new IgnoredCommand(7, Hostile, CommandKind.Approve, Hostile), requirement, ApprovalPolicy.Default),
            ["approval-backup"] = ApprovalComments.Backup("@carla @bob ", Hostile),
            ["approval-risks"] = ApprovalComments.Risks([Hostile, "The amount is over $5,000."]),
            ["approval-timeout"] = ApprovalComments.Timeout(Hostile),
            ["approval-timeout-escalated"] = ApprovalComments.TimeoutEscalated("@ops ", Hostile),
            ["effects-stopped, nothing done"] = EffectComments.Stopped("@ops ", Hostile, []),
            ["effects-stopped, some done"] = EffectComments.Stopped(string.Empty, "HTTP 400", ["e1", "e2"]),
            ["effect-unsure"] = EffectComments.Unsure("@ops ", "e2", "webhook to `deploy`", Hostile, "octo/shop#12/execute/2/e2"),
            ["effect-unchanged, not in ledger"] = EffectComments.Unchanged(Hostile, "e9", null),
            ["effect-unchanged, settled"] = EffectComments.Unchanged("dana", "e1", "done"),
            ["effect-recorded, done"] = EffectComments.Recorded("dana", "e1", done: true),
            ["effect-recorded, not done"] = EffectComments.Recorded("dana", "e1", done: false),
            ["failure-report-held"] = EffectComments.ReportHeld(Hostile),
            ["failure-report-incomplete"] = EffectComments.ReportIncomplete(Hostile),
            ["result, everything"] = ResultComments.Report(Report(AgentOutcome.NeedsApproval) with { Plan = "  ## Pay\n\n" + Hostile + "  ", Actions = [Hostile, "Call the vendor"], Classification = Invoice }),
            ["result, failed with a report"] = ResultComments.Report(Report(AgentOutcome.Failed) with { Permanent = true, Effects = [Payment, Payment with { OnFailure = true }] }),
            ["result, bare"] = ResultComments.Report(Report(AgentOutcome.Completed) with { Outputs = new(), Effects = [] }),
            ["result, needs decision"] = ResultComments.Report(Report(AgentOutcome.NeedsDecision) with { Effects = [] }),
            ["result-failed, retried"] = ResultComments.Failed("ai-qa-agent", 2, Hostile, permanent: false, infrastructure: true),
            ["result-failed, bad input"] = ResultComments.Failed(Hostile, 1, Hostile, permanent: true, infrastructure: false),
            ["result-failed, deployment"] = ResultComments.Failed("ai-qa-agent", 3, "no such function", permanent: true, infrastructure: true),
            ["result-truncated"] = ResultComments.Truncated(140_123, ResultComment.MaxChars),
        };
    }

    private static readonly Classification Invoice = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    private static readonly Effect Payment = new PaymentInstruction("Initech " + Hostile, 3000m, "USD", new DateOnly(2026, 12, 31), "INV-7").ToEffect();

    private static AgentResult Report(AgentOutcome outcome) => new()
    {
        Agent = "ai-finance-agent",
        Issue = 12,
        Key = "octo/shop#12/a1/plan",
        Outcome = outcome,
        Summary = " " + Hostile + " ",
        Outputs = new() { ["vendor"] = Hostile, ["total"] = 3000.5, ["lines"] = new JsonArray(1, 2), ["tax"] = new JsonObject { ["rate"] = 0.2, ["note"] = Hostile } },
        Effects = [Payment],
        CostUsd = 0.0125m,
        Confidence = 0.875,
    };

    private static TemplateWording LoadShipped()
    {
        var loaded = PolicyLoader.Load(Path.Combine(Root(), "policies"));
        Assert.DoesNotContain(loaded.Warnings, w => w.Contains(CommentNames.Folder, StringComparison.Ordinal));
        return Assert.IsType<TemplateWording>(loaded.Policies!.Wording);
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

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();
}
