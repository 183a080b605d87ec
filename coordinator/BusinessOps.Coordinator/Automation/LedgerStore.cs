using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Ledger;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// Where the <see cref="AutomationLedger"/> lives: one comment, edited in place, on one open issue the coordinator filed
/// ("BusinessOps automation"), which every full pass reads anyway — so keeping it costs no read and one write only
/// when something changed. The issue is the automation's own: <c>Decide</c> never routes it.
/// </summary>
internal static class LedgerStore
{
    public const string Title = "BusinessOps automation";

    private const string Intro =
        "The automation's memory: the newest slot each schedule has handled, each feed's validators and the entries seen, "
        + "the triggers fired recently. The coordinator keeps it; deleting it is safe (open issues' markers cover what matters).\n\n";

    /// <summary>The ledger and the comment holding it (null when there is none yet).</summary>
    public static (AutomationLedger Ledger, IssueComment? Comment) Read(IssueSnapshot? issue, string identity)
    {
        var comment = issue?.Comments.FirstOrDefault(c =>
            string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains("businessops:automation-ledger", StringComparison.Ordinal));
        return (AutomationLedger.FromMarker(comment?.Body), comment);
    }

    /// <summary>Writes <paramref name="ledger"/> when it differs from what is stored; files the ledger issue the first time.</summary>
    /// <returns>True when something was written.</returns>
    public static async Task<bool> WriteAsync(IIssueStore store, AutomationWriter writer, IssueSnapshot? issue, IssueComment? comment, AutomationLedger ledger, CancellationToken cancellationToken)
    {
        var body = Intro + ledger.ToMarker();
        if (comment?.Body == body || writer.IsDryRun)
        {
            return false;
        }

        if (comment is null && body == Intro + new AutomationLedger().ToMarker())
        {
            return false;
        }

        issue ??= await writer.OpenAsync(
            new IssueSpec(Title, [], [new FormField("What this is", "The automation's ledger. Leave it open; the coordinator keeps it up to date.")], new AutomationKey(AutomationKinds.Ledger, "automation")),
            "the automation's ledger",
            routed: false,
            cancellationToken);
        if (issue is null)
        {
            return false;
        }

        if (comment is null)
        {
            await store.AddCommentAsync(issue.Number, body, cancellationToken);
        }
        else
        {
            await store.UpdateCommentAsync(issue.Number, comment.Id, body, cancellationToken);
        }

        return true;
    }
}
