using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class RiskGateTests
{
    // Defaults: $50/day, $20/day per client, $5 approval threshold, 0.6 confidence.
    private static readonly RiskControls R = RiskControls.Default;

    [Fact]
    public void Evaluate_WithinEveryControl_NoReasons()
    {
        Assert.Empty(RiskGate.Evaluate(1m, 0.9, 10m, 5m, R, "client/acme"));
    }

    [Fact]
    public void Evaluate_SpendingExactlyAtLimit_NoReason()
    {
        Assert.Empty(RiskGate.Evaluate(0m, 0.9, 50m, 0m, R));
        Assert.Empty(RiskGate.Evaluate(2m, 0.9, 48m, 0m, R));
    }

    [Fact]
    public void Evaluate_PastDailyLimit_ReasonWithNumbers()
    {
        var reason = Assert.Single(RiskGate.Evaluate(3m, 0.9, 48m, 0m, R));

        Assert.Equal("Daily spending limit reached: $48 spent today + $3 for this run exceeds the $50 limit.", reason);
    }

    [Fact]
    public void Evaluate_AlreadyPastDailyLimitWithFreeRun_Reason()
    {
        Assert.Single(RiskGate.Evaluate(0m, 0.9, 50.01m, 0m, R));
    }

    [Fact]
    public void Evaluate_PastPerClientLimit_ReasonNamesClient()
    {
        var reason = Assert.Single(RiskGate.Evaluate(2m, 0.9, 30m, 19m, R, "client/acme"));

        Assert.Equal("Daily spending limit for client client/acme reached: $19 spent today + $2 for this run exceeds the $20 per-client limit.", reason);
    }

    [Fact]
    public void Evaluate_NoClient_PerClientLimitNotChecked()
    {
        Assert.Empty(RiskGate.Evaluate(2m, 0.9, 30m, 19m, R));
    }

    [Fact]
    public void Evaluate_CostAtThreshold_NoReason()
    {
        Assert.Empty(RiskGate.Evaluate(5m, 0.9, 0m, 0m, R));
    }

    [Fact]
    public void Evaluate_CostAboveThreshold_Reason()
    {
        var reason = Assert.Single(RiskGate.Evaluate(5.01m, 0.9, 0m, 0m, R));

        Assert.Equal("Cost $5.01 is above the $5 approval threshold.", reason);
    }

    [Fact]
    public void Evaluate_ConfidenceAtThreshold_NoReason()
    {
        Assert.Empty(RiskGate.Evaluate(0m, 0.6, 0m, 0m, R));
    }

    [Fact]
    public void Evaluate_ConfidenceBelowThreshold_Reason()
    {
        var reason = Assert.Single(RiskGate.Evaluate(0m, 0.59, 0m, 0m, R));

        Assert.Equal("Confidence 0.59 is below the 0.60 threshold.", reason);
    }

    [Fact]
    public void Evaluate_ConfidenceNaN_Reason()
    {
        Assert.Single(RiskGate.Evaluate(0m, double.NaN, 0m, 0m, R));
    }

    [Fact]
    public void Evaluate_NegativeCost_TreatedAsZero()
    {
        Assert.Empty(RiskGate.Evaluate(-100m, 0.9, 50m, 20m, R, "client/acme"));
    }

    [Fact]
    public void Evaluate_EveryControlTripped_FourReasonsInOrder()
    {
        var reasons = RiskGate.Evaluate(10m, 0.1, 45m, 15m, R, "client/acme");

        Assert.Equal(4, reasons.Count);
        Assert.StartsWith("Daily spending limit reached", reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("Daily spending limit for client", reasons[1], StringComparison.Ordinal);
        Assert.StartsWith("Cost $10", reasons[2], StringComparison.Ordinal);
        Assert.StartsWith("Confidence 0.10", reasons[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ClientWithMentionAndHtml_Neutralized()
    {
        var reason = Assert.Single(RiskGate.Evaluate(0m, 0.9, 0m, 30m, R, "client/@evil<x>"));

        Assert.Contains("client/@\u200Devil&lt;x&gt;", reason, StringComparison.Ordinal);
    }
}
