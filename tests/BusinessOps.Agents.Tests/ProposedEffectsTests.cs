using BusinessOps.Agents.Samples;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 11: what approval releases — the effects agents propose next to their analysis.</summary>
public sealed class ProposedEffectsTests
{
    private static string Invoice(string total) =>
        FormBody.Of(("Vendor", "Paper & Co"), ("Invoice number", "INV-1001"), ("Invoice date", "2026-11-01"), ("Due date", "2026-12-01"), ("Line items", "Printer paper | 10 | 24.99\nToner cartridge | 2 | 89.50"), ("Tax rate", "8.25"), ("Total", total));

    [Fact]
    public async Task Finance_ValidInvoice_ProposesThePaymentInstructionToPayables()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("464.28"));

        var effect = Assert.Single(run.Result.Effects);
        Assert.Equal((EffectKinds.WebhookPayment, PaymentInstruction.DefaultEndpoint), (effect.Kind, effect.Target));
        Assert.True(PaymentInstruction.TryRead(effect.Parameters, out var payment));
        Assert.Equal(("Paper & Co", 464.28m, "USD", new DateOnly(2026, 12, 1), "INV-1001"), (payment.Vendor, payment.Amount, payment.Currency, payment.DueDate, payment.InvoiceNumber));
        Assert.Null(EffectShape.Problem(effect));
    }

    [Fact]
    public async Task Finance_TotalMismatch_ProposesNoPayment()
    {
        var run = await Agents.RunAsync(AgentNames.Finance, Invoice("500.00"));

        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task Manager_Triage_ProposesTheRoutingLabelAndPriorityOnItsIssue()
    {
        var body = FormBody.Of(("Request", "Since 09:10 the checkout endpoint returns 503 for all customers. Looks like an outage; health check is red."));

        var run = await Agents.RunAsync(AgentNames.Manager, body, title: "Checkout is down");

        var effect = Assert.Single(run.Result.Effects);
        Assert.Equal(EffectKinds.GitHubLabels, effect.Kind);
        Assert.Equal("#" + run.Result.Issue, effect.Target);
        Assert.Equal(["operations/monitoring"], EffectParameters.Texts(effect.Parameters, "add"));
        Assert.Equal("P0", EffectParameters.Text(effect.Parameters, "priority"));
        Assert.Null(EffectShape.Problem(effect));
    }
}
