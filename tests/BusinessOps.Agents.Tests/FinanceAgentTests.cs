using BusinessOps.Agents.Finance;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class FinanceAgentTests
{
    private static string Invoice(string total, string due = "2026-12-01", string lines = "Printer paper | 10 | 24.99\nToner cartridge | 2 | 89.50", string tax = "8.25") =>
        FormBody.Of(("Vendor", "Paper & Co"), ("Invoice number", "INV-1001"), ("Invoice date", "2026-11-01"), ("Due date", due), ("Line items", lines), ("Tax rate", tax), ("Total", total));

    [Fact]
    public async Task RunAsync_ValidSmallInvoice_CompletedWithAutoApproval()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("464.28"));

        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        Assert.Equal(428.90, run.Num("subtotal"));
        Assert.Equal(35.38, run.Num("tax"));
        Assert.Equal(464.28, run.Num("computedTotal"));
        Assert.True(run.Out("valid").GetValue<bool>());
        Assert.Equal("auto", run.Str("approvalTier"));
        Assert.Equal(464.28m, run.Result.Classification!.FinancialImpactUsd);
        Assert.Equal(Impact.Low, run.Result.Classification.Impact);
    }

    [Fact]
    public async Task RunAsync_TotalMismatch_DetectedAndNeedsDecision()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("500.00"));

        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
        Assert.False(run.Out("valid").GetValue<bool>());
        Assert.Equal(35.72, run.Num("difference"));
        Assert.Contains("difference +35.72", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithinOneCent_Valid()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("464.29"));

        Assert.True(run.Out("valid").GetValue<bool>());
    }

    [Fact]
    public async Task RunAsync_StatedLineTotalWrong_LineCheckFails()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("110.00", lines: "Widget | 4 | 25.00 | 110.00", tax: "0"));

        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
        Assert.Contains("line 1 states 110.00, 4 × 25.00 = 100.00", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DueDateBeforeFiling_Fails()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("464.28", due: "2026-10-30"));

        Assert.False(run.Out("valid").GetValue<bool>());
        Assert.Contains("due-after-invoice", run.Out("checks").ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("before 2026-11-02", run.Result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999.99", "auto", null)]
    [InlineData("1000", "finance-manager", "finance-manager")]
    [InlineData("4999.99", "finance-manager", "finance-manager")]
    [InlineData("5000", "cfo", "cfo")]
    [InlineData("24999.99", "cfo", "cfo")]
    [InlineData("25000", "board", "board")]
    public void ApprovalRoute_ByAmount_PicksTier(string amount, string tier, string? role)
    {
        var route = ApprovalRoute.For(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Core.Agents.Rules.FinanceRules.Default);

        Assert.Equal(tier, route.Tier);
        Assert.Equal(role, route.Role);
    }

    [Fact]
    public async Task RunAsync_CfoAmountPlanThenExecute_NeedsApprovalThenCompleted()
    {
        var body = Invoice("6000.00", lines: "Architecture review | 40 | 150.00", tax: "0");

        var plan = await Agents.RunAsync(AgentNames.Finance, body, "plan");
        var execute = await Agents.RunAsync(AgentNames.Finance, body, "execute");

        Assert.Equal(AgentOutcome.NeedsApproval, plan.Result.Outcome);
        Assert.Equal("cfo", plan.Str("approver"));
        Assert.Equal(AgentOutcome.Completed, execute.Result.Outcome);
        Assert.Equal(plan.Result.Summary, execute.Result.Summary);
        Assert.Equal(Impact.High, plan.Result.Classification!.Impact);
    }

    [Fact]
    public async Task RunAsync_BadLineItem_NamesFieldAndFormat()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("10", lines: "Widget | lots | 25.00"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Field `Line items` is invalid: expected one line per item", run.Result.Summary, StringComparison.Ordinal);
    }
}
