using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Finance;

/// <summary>
/// The finance agent's payment recovery (a form with <c>Decline code</c>): retries on the policy's days with each day's
/// message to the customer, today's grace restriction, and escalation to a person when policy says retrying is not enough.
/// </summary>
internal static class RecoveryAgent
{
    // Used when a business's message in finance.yml does not render; the note names the retry.
    private const string FallbackMessage = "Hi {{ customer }}, your payment of {{ amount }} did not go through. Please check your payment method.";

    public static AgentResult Run(AgentContext context, FinanceRules rules)
    {
        var form = context.Form;
        var customer = form.Required("Customer", "the customer's name").Trim();
        var amount = form.RequiredDecimal("Amount", "the failed amount in USD, e.g. 249.00", 0.01m, 1_000_000_000m);
        var failedOn = form.RequiredDate("Failed on", "the date the payment failed, YYYY-MM-DD");
        var code = form.Required("Decline code", "the processor's decline code, e.g. insufficient-funds, expired-card, stolen-card, dispute");
        var failures = form.OptionalInt("Consecutive failures", 1, 1, 100, "a whole number of consecutive failed attempts, e.g. 1");
        var plan = context.Client?.Attributes.GetValueOrDefault("plan") ?? form.Optional("Plan");
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);

        // A failure after the day the issue was filed is a typo, not day 0 (one day of slack for time zones ahead of UTC).
        if (failedOn > today.AddDays(1))
        {
            throw IssueForm.Invalid("Failed on", string.Create(CultureInfo.InvariantCulture, $"the date the payment failed, on or before the day the issue was filed ({today:yyyy-MM-dd})"), failedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var (retries, restriction, escalations) = PaymentRecovery.Plan(failedOn, today, amount, code, plan, failures, rules.Recovery);
        var day = Math.Max(0, today.DayNumber - failedOn.DayNumber);
        var amountText = amount.ToString("$#,0.00", CultureInfo.InvariantCulture);

        var notes = new List<string>();
        var messages = retries.Select((r, i) =>
        {
            var model = new Dictionary<string, object?> { ["customer"] = customer, ["amount"] = amountText, ["day"] = r.Step.Day };
            var text = CommentRenderer.Render(new CommentTemplate($"finance.yml recovery.retries[{i}].message", r.Step.Message), FallbackMessage, model);
            if (text.Note is { } note)
            {
                notes.Add("Note: " + note);
            }

            return text.Text.Trim();
        }).ToList();

        var escalate = escalations.Count > 0;
        var summary = escalate
            ? $"Failed payment of {amountText} from {customer} (day {day}): escalated to a person ({string.Join("; ", escalations)})."
            : string.Create(CultureInfo.InvariantCulture, $"Failed payment of {amountText} from {customer} (day {day}): retries on days {string.Join(", ", retries.Select(r => r.Step.Day))}; account {restriction.Restriction} today.");
        var outputs = new JsonObject
        {
            ["customer"] = customer,
            ["amount"] = amount,
            ["declineCode"] = PaymentRecovery.Code(code),
            ["day"] = day,
            ["restriction"] = restriction.Restriction,
            ["escalate"] = escalate,
            ["escalationReasons"] = new JsonArray([.. escalations.Select(e => (JsonNode)e)]),
            ["retries"] = new JsonArray([.. retries.Select((r, i) => (JsonNode)new JsonObject
            {
                ["day"] = r.Step.Day,
                ["date"] = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["done"] = r.Done,
                ["message"] = messages[i],
            })]),
        };
        var table = "| Day | Date | Message |\n|---:|---|---|\n" + string.Concat(retries.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Step.Day} | {r.Date:yyyy-MM-dd}{(r.Done ? " (past)" : string.Empty)} | {Core.Governance.MarkdownSafe.Cell(messages[i], 400)} |\n")))
            + "\nGrace period: " + string.Join(", ", rules.Recovery.Restrictions.Select(r => string.Create(CultureInfo.InvariantCulture, $"from day {r.FromDay} {r.Restriction}"))) + ".";
        var actions = new List<string>();
        if (escalate)
        {
            actions.Add($"Escalate to the finance manager: {string.Join("; ", escalations)}. Pause automatic retries until they decide.");
        }
        else
        {
            actions.AddRange(retries.Where(r => !r.Done).Select(r => string.Create(CultureInfo.InvariantCulture, $"Day {r.Step.Day} ({r.Date:yyyy-MM-dd}): retry the charge and send the day-{r.Step.Day} message.")));
        }

        actions.Add($"Account restriction today: {restriction.Restriction}.");
        actions.AddRange(notes);
        var classification = new Classification(escalate ? Impact.High : Impact.Low, Complexity.Simple, Reversibility.Reversible, Stakeholders.CustomerFacing, amount);
        return ResultFactory.Create(context, escalate ? AgentOutcome.NeedsDecision : AgentOutcome.Completed, summary, table, actions, outputs, classification, 0.95);
    }
}
