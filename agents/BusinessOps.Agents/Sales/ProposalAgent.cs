using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Sales;

/// <summary>
/// The sales proposal (a form with <c>Plan</c>): the pricing table from <c>pricing.yml</c>, a narrative (drafted by the
/// language model when one is configured; the numbers never come from it), approval by the policy's approver when the
/// negotiated discount is above the threshold, and — what approval releases — the proposal emailed to the lead.
/// </summary>
internal static class ProposalAgent
{
    public static async Task<AgentResult> RunAsync(AgentContext context, SalesRules rules, ProseDrafter drafter, CancellationToken cancellationToken)
    {
        var input = Read(context.Form, rules);
        var q = ProposalPricing.Quote(input, rules);
        var billing = input.Annual ? "annual" : "monthly";
        var facts = Inv($"Company: {input.Company}. Contact: {(input.ContactName.Length > 0 ? input.ContactName : "unknown")}. Plan: {q.Plan.Name} ({q.Plan.Includes}). Seats: {input.Seats}. Billing: {billing}. Net price per month: {Usd(q.NetMonthly)}; total over {input.TermMonths} months: {Usd(q.TermTotal)}.");
        var deterministic = Inv($"Thank you for considering us{(input.ContactName.Length > 0 ? ", " + input.ContactName : string.Empty)}. For {input.Company} we propose the {q.Plan.Name} plan for {input.Seats} seats: {q.Plan.Includes}. Billed {billing}, it comes to {Usd(q.NetMonthly)} per month, {Usd(q.TermTotal)} over {input.TermMonths} months.");
        var prose = await drafter.DraftAsync(
            context.Policies.LanguageModel,
            "You are a sales representative. Write a short, warm proposal introduction (at most 120 words) for the customer from the facts given; do not repeat the price table.",
            facts,
            deterministic,
            cancellationToken).ConfigureAwait(false);

        var rows = new List<(string Item, string Detail, decimal Amount)> { ($"{q.Plan.Name} plan", Inv($"{input.Seats} seats × {Usd(q.Plan.MonthlyUsdPerSeat)} per month"), q.ListMonthly) };
        if (q.AnnualOff > 0m)
        {
            rows.Add(("Annual billing discount", Pct(rules.AnnualDiscount), -q.AnnualOff));
        }

        if (q.DiscountOff > 0m)
        {
            rows.Add(("Negotiated discount", Pct(input.Discount), -q.DiscountOff));
        }

        var comment = CommentRenderer.Render(context.Policies.Template, SalesTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "proposal",
            ["company"] = input.Company,
            ["contact_email"] = input.ContactEmail,
            ["narrative"] = prose.Text,
            ["rows"] = rows.Select(r => (object?)new Dictionary<string, object?> { ["item"] = r.Item, ["detail"] = r.Detail, ["amount"] = Usd(r.Amount) }).ToList(),
            ["billing"] = billing,
            ["net_monthly"] = Usd(q.NetMonthly),
            ["term_months"] = input.TermMonths,
            ["term_total"] = Usd(q.TermTotal),
            ["approval_needed"] = q.Approver is not null,
            ["approver"] = q.Approver,
            ["discount"] = Pct(input.Discount),
            ["max_discount"] = Pct(rules.MaxDiscountWithoutApproval),
        });

        var summary = Inv($"Proposal for {input.Company}: {q.Plan.Name} × {input.Seats} seats, {Usd(q.NetMonthly)}/month ({billing}), {Usd(q.TermTotal)} over {input.TermMonths} months")
            + (q.Approver is null ? "." : Inv($"; the {Pct(input.Discount)} discount needs the {q.Approver}'s approval."));
        var outputs = new JsonObject
        {
            ["company"] = input.Company,
            ["contactEmail"] = input.ContactEmail,
            ["plan"] = q.Plan.Name,
            ["seats"] = input.Seats,
            ["billing"] = billing,
            ["listMonthly"] = q.ListMonthly,
            ["annualDiscount"] = q.AnnualOff,
            ["negotiatedDiscount"] = q.DiscountOff,
            ["netMonthly"] = q.NetMonthly,
            ["termMonths"] = input.TermMonths,
            ["termTotal"] = q.TermTotal,
            ["effectiveDiscount"] = q.EffectiveDiscount,
            ["approvalNeeded"] = q.Approver is not null,
            ["approver"] = q.Approver,
            ["narrativeFromModel"] = prose.FromModel,
        };
        var actions = new List<string>();
        if (q.Approver is not null)
        {
            actions.Add(Inv($"Request approval from {q.Approver}: a {Pct(input.Discount)} discount is above the {Pct(rules.MaxDiscountWithoutApproval)} allowed without approval."));
        }

        actions.Add($"Email the proposal to {input.ContactEmail}.");
        actions.Add("Follow up in 3 business days.");
        actions.AddRange(new[] { comment.Note, prose.Note }.OfType<string>().Select(n => "Note: " + n));

        var outcome = q.Approver is not null && !context.IsExecute ? AgentOutcome.NeedsApproval : AgentOutcome.Completed;
        var impact = q.TermTotal switch { < 10_000m => Impact.Low, < 50_000m => Impact.Medium, _ => Impact.High };
        var classification = new Classification(impact, Complexity.Simple, Reversibility.DifficultToReverse, Stakeholders.External, q.DiscountOverTerm);
        var result = ResultFactory.Create(context, outcome, summary, comment.Text, actions, outputs, classification, 0.9, prose.CostUsd);
        return result with { Effects = [Email(input, q, prose.Text, billing)] };
    }

    /// <summary>What approval releases: the proposal, as plain text, to the lead's address.</summary>
    private static Effect Email(ProposalInput input, ProposalQuote q, string narrative, string billing)
    {
        var body = new StringBuilder().Append(narrative).Append("\n\n")
            .Append(Inv($"{q.Plan.Name} plan, {input.Seats} seats × {Usd(q.Plan.MonthlyUsdPerSeat)} per month: {Usd(q.ListMonthly)}\n"));
        if (q.AnnualOff > 0m)
        {
            body.Append(Inv($"Annual billing discount: -{Usd(q.AnnualOff)}\n"));
        }

        if (q.DiscountOff > 0m)
        {
            body.Append(Inv($"Negotiated discount: -{Usd(q.DiscountOff)}\n"));
        }

        body.Append(Inv($"Net per month ({billing} billing): {Usd(q.NetMonthly)}\nTotal over {input.TermMonths} months: {Usd(q.TermTotal)}\n\nIncluded: {q.Plan.Includes}\n"));
        var subject = Inv($"Proposal: {q.Plan.Name} plan for {input.Company}");
        return Effect.Create(EffectKinds.EmailSend, input.ContactEmail, new JsonObject
        {
            ["subject"] = subject.Length > 200 ? subject[..200] : subject,
            ["body"] = body.ToString(),
        });
    }

    internal static ProposalInput Read(IssueForm form, SalesRules rules)
    {
        var company = form.Required("Company", "the prospect's company name").Trim();
        if (company.Length > 120 || company.Any(char.IsControl))
        {
            throw IssueForm.Invalid("Company", "a company name of at most 120 characters on one line", company);
        }

        var email = form.Required("Contact email", "the lead's email address, e.g. jane@globex.com").Trim();
        if (!EffectCatalog.TryGet(EffectKinds.EmailSend, out var kind) || EffectShape.TargetProblem(kind, email) is not null)
        {
            throw IssueForm.Invalid("Contact email", "one email address like jane@globex.com", email);
        }

        var plan = form.RequiredChoice("Plan", [.. rules.Plans.Select(p => p.Name)]);
        var minSeats = rules.Plans.First(p => p.Name == plan).MinSeats;
        var seats = form.RequiredDecimal("Seats", Inv($"a whole number of seats, at least {minSeats} for the {plan} plan"), minSeats, 100_000m);
        if (seats != decimal.Truncate(seats))
        {
            throw IssueForm.Invalid("Seats", "a whole number of seats", seats.ToString(CultureInfo.InvariantCulture));
        }

        var billing = form.OptionalChoice("Billing", "monthly", "annual") ?? "monthly";
        var discount = form.Optional("Discount").Trim().Length == 0 ? 0m : form.RequiredDecimal("Discount", "the negotiated discount in percent from 0 to 100, e.g. 10", 0m, 100m);
        var term = form.OptionalInt("Term (months)", 12, 1, 60, "the contract term in months from 1 to 60");
        return new ProposalInput(company, email, form.Optional("Contact name").Trim(), plan, (int)seats, billing == "annual", discount / 100m, term);
    }

    private static string Usd(decimal amount) => (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);

    private static string Pct(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
