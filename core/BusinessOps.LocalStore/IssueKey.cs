namespace BusinessOps.LocalStore;

/// <summary>
/// What a bulk import matches an existing issue by: its title and author, and the body when it carries an import
/// marker (null otherwise, so a store of long bodies is not read to answer this).
/// </summary>
public sealed record IssueKey(int Number, string Title, string Author, string? MarkedBody);
