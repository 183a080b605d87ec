using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 11: the support reply (on the ticket or by email) and resolution, the customer-success intervention email.</summary>
public sealed class ReplyEffectsTests
{
    private static readonly DispatchContext Kb = new()
    {
        Policies = new AgentPolicies
        {
            Knowledge = [new("knowledge/invoices.md", "Download an invoice", "# Download an invoice\n\nOpen Billing, then Invoices, and click Download to get a PDF copy of any invoice for your accounting.")],
        },
    };

    private static string Health(string score, string email) => FormBody.Of(
        ("Customer", "Acme Corp"), ("Contact email", email), ("Active usage", score), ("Feature adoption", score), ("Login frequency", score), ("Support health", score),
        ("Training completion", score), ("Survey score", score), ("Payment health", score), ("Contract growth", score));

    [Fact]
    public async Task Support_AutoResolvedWithoutEmail_ReplyOnTheTicketThenClose()
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "How do I download an invoice PDF for accounting?"), ("Customer", "Acme")), context: Kb, number: 12, title: "Invoice copy");

        Assert.Equal([EffectKinds.GitHubComment, EffectKinds.GitHubClose], run.Result.Effects.Select(e => e.Kind));
        Assert.All(run.Result.Effects, e => Assert.Equal("#12", e.Target));
        Assert.StartsWith("Hello Acme,\n\nOpen Billing, then Invoices", EffectParameters.Text(run.Result.Effects[0].Parameters, "body"), StringComparison.Ordinal);
        Assert.Equal("completed", EffectParameters.Text(run.Result.Effects[1].Parameters, "reason"));
        Assert.All(run.Result.Effects, e => Assert.Null(EffectShape.Problem(e)));
    }

    [Fact]
    public async Task Support_CustomerEmailGiven_ReplyEmailedToTheCustomer()
    {
        var body = FormBody.Of(("Description", "How do I download an invoice PDF for accounting?"), ("Customer", "Acme"), ("Customer email", "help@acme.com"));

        var run = await Agents.RunAsync(AgentNames.Support, body, context: Kb, title: "Invoice copy\r\nBcc: x@evil.com");

        var email = run.Result.Effects[0];
        Assert.Equal((EffectKinds.EmailSend, "help@acme.com"), (email.Kind, email.Target));
        Assert.Equal("Re: Invoice copyBcc: x@evil.com", EffectParameters.Text(email.Parameters, "subject"));
        Assert.Contains("Sources: Download an invoice", EffectParameters.Text(email.Parameters, "body"), StringComparison.Ordinal);
        Assert.Null(EffectShape.Problem(email));
    }

    [Fact]
    public async Task Support_Escalated_NoReplyEffect()
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "We lost all our customer data, the invoice list is empty")), context: Kb);

        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task Support_BadCustomerEmail_ClearMessageExit2()
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "Refund please"), ("Customer email", "help@acme.com, ceo@acme.com")));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Field `Customer email` is invalid: expected one email address", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerSuccess_ExpansionBand_InterventionEmailToTheContact()
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health("80", "jane@acme.com"));

        Assert.Equal("expansion", run.Str("band"));
        var effect = Assert.Single(run.Result.Effects);
        Assert.Equal((EffectKinds.EmailSend, "jane@acme.com"), (effect.Kind, effect.Target));
        Assert.Equal("Acme Corp: room to grow", EffectParameters.Text(effect.Parameters, "subject"));
        Assert.DoesNotContain("80", EffectParameters.Text(effect.Parameters, "body"), StringComparison.Ordinal);
        Assert.Null(EffectShape.Problem(effect));
    }

    [Theory]
    [InlineData("10", "jane@acme.com")]
    [InlineData("80", "")]
    public async Task CustomerSuccess_EmergencyBandOrNoAddress_NoEmail(string score, string email)
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health(score, email));

        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task CustomerSuccess_BadContactEmail_ClearMessageExit2()
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health("80", "jane at acme"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Field `Contact email` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }
}
