using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class PaymentRecoveryTests
{
    // Agents.Created is 2026-11-02: a failure "today" is day 0.
    private static string Failed(string amount = "249.00", string code = "insufficient-funds", string failedOn = "2026-11-02", string failures = "1", string plan = "") =>
        FormBody.Of(("Customer", "Globex"), ("Amount", amount), ("Failed on", failedOn), ("Decline code", code), ("Consecutive failures", failures), ("Plan", plan));

    [Fact]
    public async Task Recovery_FailedOnDay0_RetriesOnDays1_3_7WithEachDaysMessage()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Failed());
        var retries = run.Out("retries").AsArray();

        Assert.Equal([1, 3, 7], retries.Select(r => r!["day"]!.GetValue<int>()));
        Assert.Equal(["2026-11-03", "2026-11-05", "2026-11-09"], retries.Select(r => r!["date"]!.GetValue<string>()));
        Assert.StartsWith("Hi Globex, your payment of $249.00 did not go through.", retries[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Hi Globex, final notice: $249.00", retries[2]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("none", run.Str("restriction"));
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
    }

    [Theory]
    [InlineData("2026-11-02", "none")]
    [InlineData("2026-10-30", "none")]
    [InlineData("2026-10-29", "rate-limited")]
    [InlineData("2026-10-27", "rate-limited")]
    [InlineData("2026-10-26", "suspended")]
    public async Task Recovery_GracePeriod_RestrictionByDay(string failedOn, string restriction)
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Failed(failedOn: failedOn));

        Assert.Equal(restriction, run.Str("restriction"));
    }

    [Theory]
    [InlineData("249", "stolen-card", "1", "", "hard decline (stolen-card): retrying cannot succeed")]
    [InlineData("249", "dispute", "1", "", "the customer disputes the charge")]
    [InlineData("1200", "insufficient-funds", "1", "", "amount $1,200.00 is above $1,000")]
    [InlineData("249", "insufficient-funds", "1", "enterprise", "enterprise account")]
    [InlineData("249", "insufficient-funds", "3", "", "3 consecutive failures")]
    public async Task Recovery_PolicyReasons_EscalateToAPerson(string amount, string code, string failures, string plan, string reason)
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Failed(amount, code, failures: failures, plan: plan));

        Assert.Equal([reason], run.Out("escalationReasons").AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
    }

    [Theory]
    [InlineData("2026-12-02")]
    [InlineData("2026-11-04")]
    public async Task Recovery_FailedAfterTheIssueWasFiled_BadInputNamingTheField(string failedOn)
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Failed(failedOn: failedOn));

        Assert.Equal((AgentOutcome.Failed, true, ExitCodes.BadInput), (run.Result.Outcome, run.Result.Permanent, run.ExitCode));
        Assert.Contains("Field `Failed on` is invalid: expected the date the payment failed, on or before the day the issue was filed (2026-11-02)", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_FailedTheDayAfterInUtc_Day0()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Failed(failedOn: "2026-11-03"));

        Assert.Equal((0, "none"), (run.Out("day").GetValue<int>(), run.Str("restriction")));
    }

    [Theory]
    [InlineData("stolen_card", "hard decline (stolen-card): retrying cannot succeed")]
    [InlineData("Do Not Honor", "hard decline (do-not-honor): retrying cannot succeed")]
    [InlineData("CHARGEBACK", "the customer disputes the charge")]
    public async Task Recovery_ProcessorSpellingOfACode_SameRuleAsThePolicySpelling(string code, string reason)
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Failed(code: code));

        Assert.Equal([reason], run.Out("escalationReasons").AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
    }

    [Fact]
    public async Task Recovery_CustomerNameWithMarkup_EscapedInMessages()
    {
        var body = FormBody.Of(("Customer", "<b>@evil</b> {{ 6 * 7 }}"), ("Amount", "10"), ("Failed on", "2026-11-02"), ("Decline code", "expired-card"));

        var run = await Agents.RunAsync(AgentNames.Finance, body);
        var message = run.Out("retries").AsArray()[0]!["message"]!.GetValue<string>();

        Assert.DoesNotContain("<b>", message, StringComparison.Ordinal);
        Assert.DoesNotContain("42", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_BrokenPolicyMessage_FallbackWithNote()
    {
        var rules = FinanceRules.Default with { Recovery = new PaymentRecoveryRules { Retries = [new(1, "Hi {{ for x in }}")] } };
        var context = new DispatchContext { Policies = new AgentPolicies { Rules = new AgentRules { Finance = rules } } };

        var run = await Agents.RunAsync(AgentNames.Finance, Failed(), context: context);

        Assert.StartsWith("Hi Globex, your payment of $249.00 did not go through.", run.Out("retries").AsArray()[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Note: finance.yml recovery.retries[0].message:1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoice_7000_RoutesToTheCfo()
    {
        var body = FormBody.Of(("Vendor", "Initech"), ("Invoice number", "INV-7"), ("Invoice date", "2026-11-01"), ("Due date", "2026-12-01"),
            ("Line items", "Implementation | 1 | 7000.00"), ("Tax rate", "0"), ("Total", "7000.00"));

        var run = await Agents.RunAsync(AgentNames.Finance, body);

        Assert.Equal(("cfo", "cfo"), (run.Str("approvalTier"), run.Str("approver")));
        Assert.Equal(AgentOutcome.NeedsApproval, run.Result.Outcome);
    }

    [Fact]
    public async Task Invoice_SameNumberFiledEarlier_DuplicateFails()
    {
        var body = FormBody.Of(("Vendor", "Initech"), ("Invoice number", "INV-7"), ("Invoice date", "2026-11-01"), ("Due date", "2026-12-01"),
            ("Line items", "Implementation | 1 | 700.00"), ("Tax rate", "0"), ("Total", "700.00"));
        var earlier = new IssueDigest(3, "Invoice from Initech", IssueState.Closed, IssueStatus.Done, null, AgentNames.Finance, [], false, false, Agents.Created, Agents.Created)
        {
            Summary = "Invoice INV-7 from Initech for $700.00 is valid; approval: automatic.",
        };
        var context = new DispatchContext { Issues = new IssueDigestSet("all", [earlier], 0) };

        var run = await Agents.RunAsync(AgentNames.Finance, body, context: context);

        Assert.False(run.Out("valid").GetValue<bool>());
        Assert.Contains("already filed as #3", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_TaxRateAbovePolicy_Flagged()
    {
        var body = FormBody.Of(("Vendor", "Initech"), ("Invoice number", "INV-8"), ("Invoice date", "2026-11-01"), ("Due date", "2026-12-01"),
            ("Line items", "Thing | 1 | 100.00"), ("Tax rate", "45"), ("Total", "145.00"));

        var run = await Agents.RunAsync(AgentNames.Finance, body);

        Assert.False(run.Out("checks").AsArray().Single(c => c!["name"]!.GetValue<string>() == "tax-rate")!["passed"]!.GetValue<bool>());
    }
}
