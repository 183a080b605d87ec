using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Finance;

/// <summary>ai-finance-agent: invoice validation and approval routing by amount.</summary>
public sealed class FinanceAgent : IAgent
{
    public string Name => AgentNames.Finance;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var rules = context.Policies.Rules?.Finance ?? FinanceRules.Default;
        return Task.FromResult(context.Form.Get("Decline code") is not null ? RecoveryAgent.Run(context, rules) : Invoice(context, rules));
    }

    private static AgentResult Invoice(AgentContext context, FinanceRules rules)
    {
        var input = Read(context.Form);
        var report = InvoiceValidator.Validate(input, DateOnly.FromDateTime(context.Issue.CreatedAt.UtcDateTime), rules, Duplicates(context, input));
        var route = report.Route;
        var outcome = !report.Valid ? AgentOutcome.NeedsDecision
            : route.Role is null || context.IsExecute ? AgentOutcome.Completed
            : AgentOutcome.NeedsApproval;
        var failed = report.Checks.Where(c => !c.Passed).ToList();
        var summary = report.Valid
            ? Inv($"Invoice {input.InvoiceNumber} from {input.Vendor} for ${input.StatedTotal:N2} is valid; approval: {route.Role ?? "automatic"}.")
            : Inv($"Invoice {input.InvoiceNumber} from {input.Vendor} failed {failed.Count} check(s): {string.Join("; ", failed.Select(c => c.Detail))}. Hold payment and query the vendor.");

        var outputs = new JsonObject
        {
            ["vendor"] = input.Vendor,
            ["invoiceNumber"] = input.InvoiceNumber,
            ["valid"] = report.Valid,
            ["subtotal"] = report.Subtotal,
            ["tax"] = report.Tax,
            ["computedTotal"] = report.ComputedTotal,
            ["statedTotal"] = report.StatedTotal,
            ["difference"] = report.Difference,
            ["approvalTier"] = route.Tier,
            ["approver"] = route.Role,
            ["dueDate"] = input.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed, ["detail"] = c.Detail })]),
        };

        var actions = new List<string>();
        if (!report.Valid)
        {
            actions.Add("Hold payment; send the vendor the failed checks and request a corrected invoice.");
        }
        else
        {
            actions.Add(route.Role is null ? "Schedule payment automatically (under the first approval tier)." : $"Request approval from {route.Role}.");
            actions.Add(Inv($"Schedule payment of ${input.StatedTotal:N2} for {input.DueDate:yyyy-MM-dd}."));
        }

        var impact = input.StatedTotal switch { < 1_000m => Impact.Low, < 5_000m => Impact.Medium, < 25_000m => Impact.High, _ => Impact.Critical };
        var classification = new Classification(impact, input.Lines.Count > 10 ? Complexity.Moderate : Complexity.Simple, Reversibility.DifficultToReverse, Stakeholders.External, input.StatedTotal);

        // Arithmetic is certain; what the agent cannot know is whether the goods were delivered.
        var confidence = report.Valid ? 0.95 : 0.9;
        var comment = Comment(context, input, report);
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var result = ResultFactory.Create(context, outcome, summary, comment.Text, actions, outputs, classification, confidence);
        return result with { Effects = Payment(input, report) };
    }

    /// <summary>What approval releases: the payment instruction to the payables webhook, for a valid invoice with something to pay.</summary>
    private static IReadOnlyList<Effect> Payment(InvoiceInput input, InvoiceReport report) =>
        report.Valid && input.StatedTotal > 0m && input.Vendor.Length <= 200 && input.InvoiceNumber.Length <= 64
            ? [new PaymentInstruction(input.Vendor, input.StatedTotal, "USD", input.DueDate, input.InvoiceNumber, "BusinessOps: approved invoice").ToEffect()]
            : [];

    /// <summary>Earlier finance issues whose title or result names the same invoice number and vendor.</summary>
    private static List<int> Duplicates(AgentContext context, InvoiceInput input) =>
        [.. (context.Issues?.Items ?? []).Where(d => d.Number < context.Issue.Number && d.Agent == AgentNames.Finance)
            .Where(d => (d.Title + "\n" + d.Summary) is var text && Keywords.Hits(text, [input.InvoiceNumber.ToLowerInvariant()]).Count > 0
                && text.Contains(input.Vendor, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Number).Order()];

    internal static InvoiceInput Read(IssueForm form)
    {
        var vendor = form.Required("Vendor", "the vendor's name").Trim();
        var number = form.Required("Invoice number", "the vendor's invoice number, e.g. INV-2041").Trim();
        var invoiceDate = form.RequiredDate("Invoice date", "a date YYYY-MM-DD, e.g. 2026-11-01");
        var dueDate = form.RequiredDate("Due date", "a date YYYY-MM-DD, e.g. 2026-12-01");
        const string lineExpectation = "one line per item: `description | quantity | unit price`, e.g. `Consulting hours | 10 | 125.00`";
        var lines = FormValues.Lines(form.Required("Line items", lineExpectation)).Select(l => ParseLine(l, lineExpectation)).ToList();
        if (lines.Count > 500)
        {
            throw IssueForm.Invalid("Line items", "at most 500 lines", lines.Count.ToString(CultureInfo.InvariantCulture) + " lines");
        }

        var taxRate = form.RequiredDecimal("Tax rate", "the tax rate in percent between 0 and 100, e.g. 8.25", 0m, 100m);
        var total = form.RequiredDecimal("Total", "the invoice total in USD, e.g. 1250.00", 0m, 1_000_000_000m);
        return new InvoiceInput(vendor, number, invoiceDate, dueDate, lines, taxRate, total);
    }

    private static InvoiceLine ParseLine(string line, string expectation)
    {
        var parts = line.Trim('|').Split('|').Select(p => p.Trim()).ToArray();
        if (parts.Length is < 3 or > 4
            || !FormValues.TryDecimal(parts[1], out var qty) || qty <= 0 || qty > 1_000_000m
            || !FormValues.TryDecimal(parts[2], out var price) || price < 0 || price > 100_000_000m)
        {
            throw IssueForm.Invalid("Line items", expectation, line);
        }

        decimal? stated = null;
        if (parts.Length == 4)
        {
            stated = FormValues.TryDecimal(parts[3], out var s) ? s : throw IssueForm.Invalid("Line items", expectation, line);
        }

        return new InvoiceLine(parts[0], qty, price, stated);
    }

    /// <summary>The comment: the line table, the totals, the checks and the approval routing, from <c>finance.sbn</c> or the built-in wording.</summary>
    private static RenderedText Comment(AgentContext context, InvoiceInput input, InvoiceReport report) =>
        CommentRenderer.Render(context.Policies.Template, FinanceTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "invoice",
            ["lines"] = input.Lines.Take(50).Select(l => (object?)new Dictionary<string, object?>
            {
                ["description"] = MarkdownSafe.Cell(l.Description, 80),
                ["quantity"] = Inv($"{l.Quantity:0.##}"),
                ["unit_price"] = Inv($"{l.UnitPrice:N2}"),
                ["total"] = Inv($"{l.Total:N2}"),
            }).ToList(),
            ["subtotal"] = Usd(report.Subtotal),
            ["tax"] = Usd(report.Tax),
            ["tax_rate"] = Inv($"{input.TaxRatePercent:0.###}"),
            ["computed_total"] = Usd(report.ComputedTotal),
            ["stated_total"] = Usd(report.StatedTotal),
            ["checks"] = report.Checks.Select(c => (object?)new Dictionary<string, object?> { ["name"] = c.Name, ["passed"] = c.Passed, ["detail"] = c.Detail }).ToList(),
            ["approver"] = report.Route.Role ?? "automatic",
            ["tier"] = report.Route.Tier,
        });

    private static string Usd(decimal amount) => Inv($"${amount:N2}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
