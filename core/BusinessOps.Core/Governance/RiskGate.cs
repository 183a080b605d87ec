using System.Globalization;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Governance;

/// <summary>Risk controls of <c>policies/autonomy.yml</c>: reasons an execution needs approval even when its level would not.</summary>
public static class RiskGate
{
    /// <summary>
    /// Every risk control the execution trips, as a sentence with the numbers; empty means fine.
    /// <list type="bullet">
    /// <item>Daily limit: today's spending plus this execution's cost above <see cref="RiskControls.DailySpendLimitUsd"/>.</item>
    /// <item>Per-client limit: the same against <see cref="RiskControls.DailySpendLimitPerClientUsd"/>, checked only when
    /// <paramref name="client"/> is given (an issue without a <c>client/*</c> label has no per-client budget).</item>
    /// <item>Cost strictly above <see cref="RiskControls.ApprovalThresholdUsd"/>.</item>
    /// <item>Confidence strictly below <see cref="RiskControls.ConfidenceThreshold"/> (NaN counts as below).</item>
    /// </list>
    /// </summary>
    /// <param name="costUsd">Cost of the execution being decided (the plan's estimate, or the last run's cost).</param>
    /// <param name="confidence">The agent's confidence, 0–1.</param>
    /// <param name="spentTodayUsd">Spending today (UTC) across all issues, open or closed (the spend ledger).</param>
    /// <param name="spentTodayClientUsd">Spending today (UTC) for this client.</param>
    /// <param name="r">The policy's risk controls.</param>
    /// <param name="client">The client id or label (for the message and to enable the per-client check).</param>
    public static IReadOnlyList<string> Evaluate(
        decimal costUsd,
        double confidence,
        decimal spentTodayUsd,
        decimal spentTodayClientUsd,
        RiskControls r,
        string? client = null)
    {
        List<string>? reasons = null;
        var cost = Math.Max(0m, costUsd);
        if (spentTodayUsd + cost > r.DailySpendLimitUsd)
        {
            (reasons ??= []).Add(
                $"Daily spending limit reached: {Wording.Usd(spentTodayUsd)} spent today + {Wording.Usd(cost)} for this run exceeds the {Wording.Usd(r.DailySpendLimitUsd)} limit.");
        }

        if (client is not null && spentTodayClientUsd + cost > r.DailySpendLimitPerClientUsd)
        {
            (reasons ??= []).Add(
                $"Daily spending limit for client {MarkdownSafe.Inline(client, 100)} reached: {Wording.Usd(spentTodayClientUsd)} spent today + {Wording.Usd(cost)} for this run exceeds the {Wording.Usd(r.DailySpendLimitPerClientUsd)} per-client limit.");
        }

        if (cost > r.ApprovalThresholdUsd)
        {
            (reasons ??= []).Add($"Cost {Wording.Usd(cost)} is above the {Wording.Usd(r.ApprovalThresholdUsd)} approval threshold.");
        }

        if (double.IsNaN(confidence) || confidence < r.ConfidenceThreshold)
        {
            (reasons ??= []).Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Confidence {confidence:0.00} is below the {r.ConfidenceThreshold:0.00} threshold."));
        }

        return reasons ?? (IReadOnlyList<string>)[];
    }
}
