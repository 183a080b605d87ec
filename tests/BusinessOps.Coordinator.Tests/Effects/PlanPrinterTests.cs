using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Tests.Reconcile;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Effects;

/// <summary><c>coordinator plan show N</c> prints plain text: what comments escape (for GitHub's Markdown) reads as written.</summary>
public sealed class PlanPrinterTests
{
    private static readonly Classification Medium = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    [Fact]
    public async Task Print_VendorAndTitleWithAmpersandAndAngleBrackets_PrintedAsWrittenNotAsEntities()
    {
        var s = new Shell();
        var payment = new PaymentInstruction("Smith & Sons <Ltd>", 3000m, "USD", new DateOnly(2026, 12, 31), "INV|7").ToEffect();
        s.Executor.Script = r => Plans.Result(r, AgentOutcome.NeedsApproval, Medium, 0.01m, "Pay $3,000", plan: "1. Pay.") with { Effects = [payment] };
        var n = await s.FileAsync("R&D invoice", "### Invoice\n\nAmount: $3,000", "finance/analysis", "priority/P2");
        await s.PassAsync();
        var issue = await s.IssueAsync(n);
        using var output = new StringWriter();

        PlanPrinter.Print(output, issue, PlanView.Read(issue, s.Policies with { Identity = s.Store.Identity }));

        var printed = output.ToString();
        Assert.Contains("R&D invoice", printed, StringComparison.Ordinal);
        Assert.Contains("to pay Smith & Sons <Ltd> for invoice INV|7", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("\\|", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_TitleWithTerminalEscapeAndBidiOverride_ControlCharactersRemoved()
    {
        var s = new Shell();
        s.Executor.Script = r => Plans.Result(r, AgentOutcome.NeedsApproval, Medium, 0.01m, "Pay", plan: "1. Pay.");
        var n = await s.FileAsync("Pay \u001b[2Jnow\u202E", "### Invoice\n\nAmount: $3,000", "finance/analysis", "priority/P2");
        await s.PassAsync();
        var issue = await s.IssueAsync(n);
        using var output = new StringWriter();

        PlanPrinter.Print(output, issue, PlanView.Read(issue, s.Policies with { Identity = s.Store.Identity }));

        var printed = output.ToString();
        Assert.DoesNotContain('\u001b', printed);
        Assert.DoesNotContain('\u202E', printed);
        Assert.Contains("Pay [2Jnow", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_EffectTheConnectorCannotRun_SaysWhyBesideIt()
    {
        var s = new Shell();
        var comment = Effect.Create(EffectKinds.GitHubComment, "#1", new System.Text.Json.Nodes.JsonObject { ["body"] = "Paid." });
        s.Executor.Script = r => Plans.Result(r, AgentOutcome.NeedsApproval, Medium, 0.01m, "Pay", plan: "1. Pay.") with { Effects = [comment] };
        var n = await s.FileAsync("Invoice", "### Invoice\n\nAmount: $3,000", "finance/analysis", "priority/P2");
        await s.PassAsync();
        var issue = await s.IssueAsync(n);
        using var output = new StringWriter();

        PlanPrinter.Print(output, issue, PlanView.Read(issue, s.Policies with { Identity = s.Store.Identity }, _ => "no repository here"));

        Assert.Contains("cannot run here: no repository here", output.ToString(), StringComparison.Ordinal);
    }
}
