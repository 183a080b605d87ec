using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>
/// What approval releases for a health check: the band's intervention as an email to the customer's contact (the form's
/// <c>Contact email</c>). None without an address, and none for an L3 band (a person decides the rescue plan). The
/// email speaks to the customer: it never quotes the internal score.
/// </summary>
internal static class InterventionEmail
{
    public const string Field = "Contact email";

    /// <summary>The contact's address from the form, or null; a value that is not one address is bad input.</summary>
    public static string? Address(IssueForm form)
    {
        var raw = form.Optional(Field).Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        return EffectCatalog.TryGet(EffectKinds.EmailSend, out var kind) && EffectShape.TargetProblem(kind, raw) is null
            ? raw
            : throw IssueForm.Invalid(Field, "one email address like jane@acme.com, or nothing to skip the email", raw);
    }

    public static IReadOnlyList<Effect> For(string customer, HealthBandRule band, string? address)
    {
        if (address is null || band.Autonomy == "L3")
        {
            return [];
        }

        var (subject, opening) = band.Name switch
        {
            "advocacy" => ($"{customer}: thank you — would you share your story?", "You are getting a lot out of the product, and we would love to tell others how. Would you be open to a short case study or a reference call?"),
            "expansion" => ($"{customer}: room to grow", "Your team uses the product widely. We would like to show you what the next tier or more seats would add for you."),
            "engagement" => ($"{customer}: getting more from your account", "We have put together training sessions and a short feature review to help your team get more from the product."),
            "retention" => ($"{customer}: can we help?", "We would like to understand how the product is working for you and agree on a success plan together."),
            _ => ($"{customer}: checking in", "We would like to check in on how the product is working for your team."),
        };
        var body = $"Hello {customer} team,\n\n{opening}\n\nWhat we suggest: {band.Intervention}\n\nReply to this email to pick a time.\n";
        return [Effect.Create(EffectKinds.EmailSend, address, new JsonObject
        {
            ["subject"] = OneLine(subject),
            ["body"] = body,
        })];
    }

    // The schema takes one line of at most 200 characters; the customer's name comes from the issue.
    private static string OneLine(string text)
    {
        var line = string.Concat(text.Where(c => !char.IsControl(c)));
        return line.Length > 200 ? line[..200] : line;
    }
}
