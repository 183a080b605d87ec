using System.Text.Json.Nodes;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.CoreEffects;

public sealed class EffectDescriberTests
{
    [Fact]
    public void Describe_Payment_PlainWordsWithAmountVendorInvoiceAndDueDate()
    {
        Assert.Equal(
            "Send $6,000.00 to the payables webhook to pay Acme Supplies for invoice INV-7 (due 2026-12-31)",
            EffectDescriber.Describe(Samples.Payment()));
    }

    [Fact]
    public void Describe_OtherCurrency_CodeAfterTheAmount()
    {
        var chf = (Samples.Invoice with { Currency = "CHF", Amount = 1234567.5m }).ToEffect();

        Assert.StartsWith("Send 1,234,567.50 CHF to the payables webhook", EffectDescriber.Describe(chf), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UserValues_Neutralised()
    {
        var hostile = (Samples.Invoice with { Vendor = "@everyone <img src=x> `code` | row\nnext" }).ToEffect();

        var text = EffectDescriber.Describe(hostile);

        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        Assert.Contains("@\u200Deveryone &lt;img src=x&gt; \\`code\\` \\| row next", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Redaction_NamesHowManyNeverWhat()
    {
        var redact = Effect.Create(EffectKinds.GitHubRedact, "#12", new JsonObject
        {
            ["comment"] = 345,
            ["secrets"] = new JsonArray(new JsonObject { ["sha256"] = new string('a', 64), ["length"] = 40 }),
        });

        Assert.Equal("Redact 1 secret from comment 345 on #12", EffectDescriber.Describe(redact));
    }

    [Fact]
    public void Describe_LabelsAndEmailAndPullRequest()
    {
        var pr = Effect.Create(EffectKinds.GitHubPullRequest, "#9", new JsonObject
        {
            ["branch"] = "adr/0007-queues",
            ["title"] = "ADR 7: queues",
            ["files"] = new JsonArray(new JsonObject { ["path"] = "docs/adr/0007.md", ["content"] = "# ADR" }),
        });

        Assert.Equal("Label #7: add sales/lead; set priority P1", EffectDescriber.Describe(Samples.Labels()));
        Assert.Equal("Email “Your proposal” to ap@\u200Dexample.com", EffectDescriber.Describe(Samples.Email()));
        Assert.Equal("Create branch adr/0007-queues from the default branch with 1 file (docs/adr/0007.md) and open a draft pull request “ADR 7: queues” for #9", EffectDescriber.Describe(pr));
    }

    [Fact]
    public void Describe_PullRequestWithoutBranch_SaysABranchIsCreated()
    {
        var pr = Effect.Create(EffectKinds.GitHubPullRequest, "#9", new JsonObject
        {
            ["title"] = "Scaffold",
            ["files"] = new JsonArray(new JsonObject { ["path"] = "src/a.cs", ["content"] = "x" }, new JsonObject { ["path"] = "src/b.cs", ["content"] = "y" }),
        });

        Assert.Equal("Create a branch from the default branch with 2 files (src/a.cs, src/b.cs) and open a draft pull request “Scaffold” for #9", EffectDescriber.Describe(pr));
    }

    [Fact]
    public void Describe_PaymentWithMissingFields_FallsBackToTheKindsWording()
    {
        var broken = Effect.Create(EffectKinds.WebhookPayment, "payables", new JsonObject { ["vendor"] = "Acme" });

        Assert.Equal("Send a payment instruction to a payables endpoint (webhook.payment → payables)", EffectDescriber.Describe(broken));
    }

    [Fact]
    public void List_NumbersEachEffect()
    {
        Assert.Equal("1. Label #7: add sales/lead; set priority P1\n2. Run the deploy command with this effect as its input", EffectDescriber.List([Samples.Labels(), Samples.Command()]));
    }
}
