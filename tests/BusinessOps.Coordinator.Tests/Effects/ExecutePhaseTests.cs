using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Connectors;
using BusinessOps.Coordinator.Demo;
using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Tests.Reconcile;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Effects;

/// <summary>
/// Issue 11 through the real shell: an approved plan performs its effects — through the store and a signed webhook to a
/// loopback receiver — each exactly once, across crashes; what cannot run says so before approval and stays recoverable.
/// </summary>
public sealed class ExecutePhaseTests
{
    private const string Invoice = "### Invoice\n\nAmount: $3,000\n\nVendor: Initech";
    private const string SecretEnv = "TEST_PAYABLES_SECRET";

    private static readonly Classification Medium = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    [Fact]
    public async Task RunOnce_ApprovedInvoice_PaymentReachesTheWebhookOnceAndNoAgentRunsAgain()
    {
        var s = new Shell();
        await using var payables = new DemoPayablesServer(s.Clock);
        Arm(s, payables, [Payment]);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");
        await s.PassAsync();
        s.Say(n, "fiona", "/approve");

        await s.PassAsync();
        await s.PassAsync();

        Assert.Single(payables.Payments);
        Assert.Contains("\"invoiceNumber\":\"INV-7\"", payables.Payments[0], StringComparison.Ordinal);
        Assert.Equal(0, payables.Rejected);
        Assert.DoesNotContain(s.Executor.Requests, r => r.Phase == IdempotencyKey.ExecutePhase);
        var issue = await s.IssueAsync(n);
        Assert.Contains("status/done", issue.Labels);
        var ledger = Assert.Single((await s.StateAsync(n)).Effects!);
        Assert.Equal(EffectStatus.Done, ledger.Status);
        Assert.Contains(issue.Comments, c => c.Body.Contains("Carried out the approved plan: 1 of 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RunOnce_CrashRightAfterEffectN_RerunPerformsEveryEffectExactlyOnce(int crashAfter)
    {
        var s = new Shell();
        s.Executor.Script = r => Plan(r, [Comment(r, "first"), Comment(r, "second"), Comment(r, "third")]);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");
        await s.PassAsync();
        s.Say(n, "fiona", "/approve");

        using var crash = new CancellationTokenSource();
        s.Effects = new CrashAfterEffects(new StoreEffectConnector(s.Store), crashAfter, crash);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.Reconciler().RunOnceAsync(crash.Token));
        s.Effects = null;

        // The run's silence outlasts the longest an effect may take: the next attempt asks the store what happened.
        for (var pass = 0; pass < 6 && !(await s.IssueAsync(n)).Labels.Contains("status/done"); pass++)
        {
            s.Clock.Advance(TimeSpan.FromMinutes(20));
            await s.PassAsync();
        }

        var issue = await s.IssueAsync(n);
        Assert.Contains("status/done", issue.Labels);
        foreach (var word in new[] { "first", "second", "third" })
        {
            Assert.Single(issue.Comments, c => c.Body.StartsWith("Effect " + word, StringComparison.Ordinal));
        }

        Assert.All((await s.StateAsync(n)).Effects!, r => Assert.Equal(EffectStatus.Done, r.Status));
    }

    [Fact]
    public async Task RunOnce_CrashAfterAWebhookTheTargetCannotBeAskedAbout_ReportedUnknownNeverSentTwice()
    {
        var s = new Shell();
        await using var payables = new DemoPayablesServer(s.Clock);
        Arm(s, payables, [Payment]);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");
        await s.PassAsync();
        s.Say(n, "fiona", "/approve");
        var connector = s.Effects!;
        using var crash = new CancellationTokenSource();
        s.Effects = new CrashAfterEffects(connector, 1, crash);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.Reconciler().RunOnceAsync(crash.Token));
        s.Effects = connector;

        for (var pass = 0; pass < 4; pass++)
        {
            s.Clock.Advance(TimeSpan.FromMinutes(20));
            await s.PassAsync();
        }

        Assert.Single(payables.Payments);
        var issue = await s.IssueAsync(n);
        Assert.Contains("status/awaiting-decision", issue.Labels);
        Assert.Contains(issue.Comments, c => c.Body.Contains("/effect e1 done", StringComparison.Ordinal));

        // A person checked the payables system: it arrived. Nothing is sent again, and the plan is done.
        s.Say(n, "fiona", "/effect e1 done");
        await s.PassAsync();
        s.Say(n, "fiona", "/retry");
        await s.PassAsync();
        await s.PassAsync();

        Assert.Single(payables.Payments);
        Assert.Contains("status/done", (await s.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task RunOnce_WebhookAnswers4xx_FailedNotRetriedWithTheAnswerInTheComment()
    {
        var s = new Shell();
        await using var payables = new DemoPayablesServer(s.Clock);
        Arm(s, payables, [Payment], secret: "whsec_" + Convert.ToBase64String(new byte[32]));
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");
        await s.PassAsync();
        s.Say(n, "fiona", "/approve");

        await s.PassAsync();
        s.Clock.Advance(TimeSpan.FromHours(2));
        await s.PassAsync();

        Assert.Empty(payables.Payments);
        Assert.Equal(1, payables.Rejected);
        var issue = await s.IssueAsync(n);
        Assert.Contains("status/failed", issue.Labels);
        var note = Assert.Single(issue.Comments, c => c.Body.Contains("businessops:note effect-failed:", StringComparison.Ordinal));
        Assert.Contains("signature or timestamp rejected", note.Body, StringComparison.Ordinal);
        Assert.Contains("/retry", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_ConnectorNotConfigured_SaidBeforeApprovalNothingRunsAndRetryAfterTheFixPays()
    {
        var s = new Shell();
        await using var payables = new DemoPayablesServer(s.Clock);
        s.Executor.Script = r => Plan(r, [Payment]);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");
        await s.PassAsync();
        var before = Assert.Single((await s.IssueAsync(n)).Comments, c => c.Body.Contains("businessops:note not-ready:", StringComparison.Ordinal));
        Assert.Contains("webhook connector is not enabled", before.Body, StringComparison.Ordinal);

        s.Say(n, "fiona", "/approve");
        await s.PassAsync();
        Assert.Contains("status/failed", (await s.IssueAsync(n)).Labels);
        Assert.Empty(payables.Payments);

        // The operator enables the connector and asks again: the same approved payment goes out, once.
        Arm(s, payables, [Payment]);
        s.Say(n, "fiona", "/retry");
        await s.PassAsync();
        await s.PassAsync();

        Assert.Single(payables.Payments);
        Assert.Contains("status/done", (await s.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task RunOnce_EffectParameterFailsItsSchema_SaidBeforeApprovalNamingTheFieldAndNothingIsSent()
    {
        var s = new Shell();
        await using var payables = new DemoPayablesServer(s.Clock);
        var lowercase = new PaymentInstruction("Initech", 3000m, "usd", new DateOnly(2026, 12, 31), "INV-7").ToEffect();
        Arm(s, payables, [lowercase]);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");

        await s.PassAsync();

        var issue = await s.IssueAsync(n);
        Assert.Contains("status/awaiting-approval", issue.Labels);
        var before = Assert.Single(issue.Comments, c => c.Body.Contains("businessops:note not-ready:", StringComparison.Ordinal));
        Assert.Contains("Before anyone approves", before.Body, StringComparison.Ordinal);
        Assert.Contains("e1 (", before.Body, StringComparison.Ordinal);
        Assert.Contains("'parameters.currency' has the wrong form: 'usd'", before.Body, StringComparison.Ordinal);

        s.Say(n, "fiona", "/approve");
        await s.PassAsync();

        Assert.Empty(payables.Payments);
        Assert.Contains("status/failed", (await s.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task RunOnce_ConnectorEnabledButItsSecretVariableNotSet_SaidBeforeApprovalWithoutTheSecret()
    {
        var s = new Shell();
        await using var payables = new DemoPayablesServer(s.Clock);
        Arm(s, payables, [Payment], secret: string.Empty);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");

        await s.PassAsync();

        var before = Assert.Single((await s.IssueAsync(n)).Comments, c => c.Body.Contains("businessops:note not-ready:", StringComparison.Ordinal));
        Assert.Contains($"the environment variable {SecretEnv} (its whsec_ signing secret) is not set", before.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(payables.Secret, before.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_PlanWaitingForApproval_ListsTheEffectsApprovalWouldPerform()
    {
        var s = new Shell();
        s.Executor.Script = r => Plan(r, [Payment]);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");
        await s.PassAsync();

        await s.Reconciler(dryRun: true).RunOnceAsync(CancellationToken.None);

        var printed = s.DryRunOutput.ToString();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"#{n} once approved, would perform 1 effect(s)"), printed, StringComparison.Ordinal);
        Assert.Contains("Send $3,000.00 to the payables webhook to pay Initech", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_PlanWhoseEffectCannotRunHere_SaysWhyBesideIt()
    {
        var s = new Shell();
        s.Executor.Script = r => Plan(r, [Payment]);
        var n = await s.FileAsync("Pay Initech", Invoice, "finance/analysis", "priority/P2");
        await s.PassAsync();

        await s.Reconciler(dryRun: true).RunOnceAsync(CancellationToken.None);

        // No payables webhook is configured in this shell: the dry run says so under the effect, as the plan comment does.
        var printed = s.DryRunOutput.ToString();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"#{n} once approved, would perform 1 effect(s)"), printed, StringComparison.Ordinal);
        Assert.Contains("       cannot run here: ", printed, StringComparison.Ordinal);
    }

    private static readonly Effect Payment = new PaymentInstruction("Initech", 3000m, "USD", new DateOnly(2026, 12, 31), "INV-7").ToEffect();

    private static AgentResult Plan(DispatchRequest r, IReadOnlyList<Effect> effects) =>
        Plans.Result(r, AgentOutcome.NeedsApproval, Medium, 0.01m, "Pay $3,000", plan: "1. Pay.") with { Effects = effects };

    private static Effect Comment(DispatchRequest r, string word) =>
        Effect.Create(EffectKinds.GitHubComment, "#" + r.Issue.Number.ToString(CultureInfo.InvariantCulture), new JsonObject { ["body"] = "Effect " + word });

    /// <summary>Makes <paramref name="s"/>'s plans propose <paramref name="effects"/> and its connectors send webhooks to <paramref name="payables"/>.</summary>
    private static void Arm(Shell s, DemoPayablesServer payables, IReadOnlyList<Effect> effects, string? secret = null)
    {
        s.Executor.Script = r => Plan(r, effects);
        var endpoint = new WebhookEndpoint(PaymentInstruction.DefaultEndpoint, payables.Url, null, SecretEnv, WebhookFormat.Standard);
        var webhook = s.Policies.Connectors.Webhook with { Enabled = true, Retries = 0, Endpoints = [endpoint] };
        s.Policies = s.Policies with { Connectors = s.Policies.Connectors with { Webhook = webhook } };
        var options = new ConnectorOptions(name => name == SecretEnv ? (secret ?? payables.Secret) is { Length: > 0 } value ? value : null : null, s.Clock, LocalExecutor: true, new StoreEffectConnector(s.Store));
        s.Effects = ConnectorSet.Create(s.Policies.Connectors, options).Router;
    }
}
