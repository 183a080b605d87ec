using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Support;

/// <summary>
/// What approval releases for a ticket: the drafted answer posted on the ticket, or emailed to the customer when the form
/// gives a <c>Customer email</c>; and the ticket closed as completed when policy auto-resolves it. An escalated ticket or
/// one without an answer gets no effect: a person answers it.
/// </summary>
internal static class SupportReply
{
    public const string EmailField = "Customer email";

    /// <summary>The customer's address from the form, or null; a value that is not one address is bad input.</summary>
    public static string? Email(IssueForm form)
    {
        var raw = form.Optional(EmailField).Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        return EffectCatalog.TryGet(EffectKinds.EmailSend, out var kind) && EffectShape.TargetProblem(kind, raw) is null
            ? raw
            : throw IssueForm.Invalid(EmailField, "one email address like help@acme.com, or nothing to answer on the ticket", raw);
    }

    public static IReadOnlyList<Effect> Effects(IssueSnapshot issue, TicketTriage triage, SupportAnswer answer, string text, string customer, string? email)
    {
        if (triage.Escalates || text.Length == 0)
        {
            return [];
        }

        var target = "#" + issue.Number.ToString(CultureInfo.InvariantCulture);
        var sources = string.Join(", ", answer.Sources.Select(s => s.Article.Title));
        // customer: the form's name, or empty — then the greeting names no one rather than "the customer".
        var hello = customer.Length > 0 ? $"Hello {customer}," : "Hello,";
        var reply = email is null
            ? Effect.Create(EffectKinds.GitHubComment, target, new JsonObject
            {
                ["body"] = MarkdownSafe.Block($"{hello}\n\n{text}\n\nSources: {sources}"),
            })
            : Effect.Create(EffectKinds.EmailSend, email, new JsonObject
            {
                ["subject"] = Subject(issue.Title),
                ["body"] = $"{hello}\n\n{text}\n\nSources: {sources}\n",
            });
        return answer.AutoResolve
            ? [reply, Effect.Create(EffectKinds.GitHubClose, target, new JsonObject { ["reason"] = "completed" })]
            : [reply];
    }

    /// <summary>One line (the schema forbids line breaks), at most 200 characters; plain text, so nothing is escaped.</summary>
    private static string Subject(string title)
    {
        var subject = "Re: " + string.Concat(title.Where(c => !char.IsControl(c))).Trim();
        return subject.Length > 200 ? subject[..200] : subject;
    }
}
