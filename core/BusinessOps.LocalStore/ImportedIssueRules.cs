using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>
/// The store's own rules for a new issue (title, body, labels, author), answered as a message instead of an exception,
/// so a bulk import reports every bad row and files the good ones. The same checks guard every write of the store.
/// </summary>
public static class ImportedIssueRules
{
    /// <summary>Null when the store accepts <paramref name="issue"/>; otherwise one actionable line saying what is wrong.</summary>
    public static string? Problem(ImportedIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        try
        {
            Clean(issue);
            return null;
        }
        catch (IssueStoreException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The issue as the store keeps it: trimmed title, NUL-free text, distinct validated labels, a valid login.</summary>
    /// <exception cref="IssueStoreException"><see cref="StoreErrorKind.Invalid"/> with the first problem found.</exception>
    internal static ImportedIssue Clean(ImportedIssue issue)
    {
        var title = InputGuard.Title(issue.Title);
        var body = InputGuard.Body(issue.Body, "issue body");
        var labels = InputGuard.Labels(issue.Labels);
        InputGuard.LabelCount(labels.Count);
        var author = InputGuard.Login(issue.Author, "author");
        return new ImportedIssue(title, body, labels, author);
    }
}
