using System.Globalization;
using System.Text.Json;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// One line of plain words per effect, for the plan comment a person approves: what, to whom, how much
/// ("Send $6,000.00 to the payables webhook to pay Acme Supplies for invoice INV-7 (due 2026-12-31)"). Every value
/// that came from an agent or an issue is neutralised (<see cref="MarkdownSafe"/>): no mentions, no HTML, one line.
/// Secrets are never shown (a redaction names how many, not what).
/// </summary>
public static class EffectDescriber
{
    /// <summary>The effect in plain words; an effect whose parameters do not fit its kind gets its kind's generic wording.</summary>
    public static string Describe(Effect effect)
    {
        var p = effect.Parameters;
        var target = Safe(effect.Target, 100);
        var described = effect.Kind switch
        {
            EffectKinds.GitHubLabels => Labels(p, target),
            EffectKinds.GitHubComment => $"Comment on {target}: {Quote(EffectParameters.Text(p, "body"), 120)}",
            EffectKinds.GitHubIssue => SubIssue(p, target),
            EffectKinds.GitHubPullRequest => PullRequest(p, target),
            EffectKinds.GitHubDeployment => $"Create a deployment of {Safe(EffectParameters.Text(p, "ref"), 80)} to {target} (status: {State(EffectParameters.Text(p, "state") ?? "in_progress")})",
            EffectKinds.GitHubDeploymentStatus => $"Set the {target} deployment created by {Safe(EffectParameters.Text(p, "deployment"), 20)} to {State(EffectParameters.Text(p, "state"))}",
            EffectKinds.GitHubCommitStatus => $"Set commit status {Safe(EffectParameters.Text(p, "context"), 60)} to {State(EffectParameters.Text(p, "state"))} on the head of {target}",
            EffectKinds.GitHubRedact => Redact(p, target),
            EffectKinds.GitHubClose => $"Close {target} as {(EffectParameters.Text(p, "reason") == "not_planned" ? "not planned" : "completed")}",
            EffectKinds.WebhookPost => $"POST event {Safe(EffectParameters.Text(p, "event"), 80)} to the {target} webhook",
            EffectKinds.WebhookChat => $"Post to the {target} chat channel: {Quote(EffectParameters.Text(p, "text"), 120)}",
            EffectKinds.WebhookPayment => Payment(p, target),
            EffectKinds.EmailSend => $"Email {Quote(EffectParameters.Text(p, "subject"), 100)} to {target}",
            EffectKinds.CommandRun => $"Run the {target} command with this effect as its input",
            _ => null,
        };
        described ??= Generic(effect);
        return effect.OnFailure ? "On failure: " + described : described;
    }

    /// <summary>A numbered Markdown list of <paramref name="effects"/> (<c>1. …</c>), the way the plan comment shows them.</summary>
    public static string List(IReadOnlyList<Effect> effects)
    {
        var lines = new string[effects.Count];
        for (var i = 0; i < effects.Count; i++)
        {
            lines[i] = string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {Describe(effects[i])}");
        }

        return string.Join('\n', lines);
    }

    private static string Generic(Effect effect) => EffectCatalog.TryGet(effect.Kind, out var kind)
        ? $"{Capitalize(kind.Description)} ({kind.Name} → {Safe(effect.Target, 100)})"
        : $"Unknown effect {Safe(effect.Kind, 60)} → {Safe(effect.Target, 100)}";

    private static string Labels(JsonElement p, string target)
    {
        var parts = new List<string>(3);
        var add = EffectParameters.Texts(p, "add");
        var remove = EffectParameters.Texts(p, "remove");
        if (add.Count > 0)
        {
            parts.Add("add " + string.Join(", ", add.Select(l => Safe(l, 60))));
        }

        if (remove.Count > 0)
        {
            parts.Add("remove " + string.Join(", ", remove.Select(l => Safe(l, 60))));
        }

        if (EffectParameters.Text(p, "priority") is { } priority)
        {
            parts.Add("set priority " + Safe(priority, 10));
        }

        return parts.Count == 0 ? $"Leave the labels of {target} as they are" : $"Label {target}: {string.Join("; ", parts)}";
    }

    private static string SubIssue(JsonElement p, string target)
    {
        var estimate = EffectParameters.Text(p, "estimate") is { } e ? $" (estimate {Safe(e, 20)})" : string.Empty;
        var link = EffectParameters.Flag(p, "subIssue") == false ? $"linked from {target}" : $"as a sub-issue of {target}";
        return $"Open issue {Quote(EffectParameters.Text(p, "title"), 100)} {link}{estimate}";
    }

    private static string PullRequest(JsonElement p, string target)
    {
        var files = EffectParameters.Items(p, "files")
            .Select(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String ? path.GetString()! : "?")
            .ToList();
        var shown = string.Join(", ", files.Take(3).Select(f => Safe(f, 80))) + (files.Count > 3 ? ", …" : string.Empty);
        var count = files.Count == 1 ? "1 file" : string.Create(CultureInfo.InvariantCulture, $"{files.Count} files");
        var baseBranch = Safe(EffectParameters.Text(p, "base") ?? "the default branch", 80);
        var branch = EffectParameters.Text(p, "branch") is { } named ? "branch " + Safe(named, 80) : "a branch";
        return $"Create {branch} from {baseBranch} with {count} ({shown}) and open a draft pull request {Quote(EffectParameters.Text(p, "title"), 100)} for {target}";
    }

    private static string Redact(JsonElement p, string target)
    {
        var count = EffectParameters.Items(p, "secrets").Count;
        var what = count == 1 ? "1 secret" : string.Create(CultureInfo.InvariantCulture, $"{count} secrets");
        var where = EffectParameters.Number(p, "comment") is { } comment
            ? string.Create(CultureInfo.InvariantCulture, $"comment {comment} on {target}")
            : $"the description of {target}";
        return $"Redact {what} from {where}";
    }

    private static string? Payment(JsonElement p, string target)
    {
        if (!PaymentInstruction.TryRead(p, out var payment))
        {
            return null;
        }

        var due = payment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"Send {Safe(payment.FormattedAmount(), 40)} to the {target} webhook to pay {Safe(payment.Vendor, 100)} for invoice {Safe(payment.InvoiceNumber, 60)} (due {due})";
    }

    private static string State(string? state) => Safe(state, 20).Replace('_', ' ');

    private static string Quote(string? text, int max) => "“" + Safe(text, max) + "”";

    private static string Safe(string? text, int max) => text is null ? "?" : MarkdownSafe.Inline(text, max);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
