namespace BusinessOps.GitHub.Api;

/// <summary>
/// Body of "create a tree" with the files' text inline. Ours: Octokit's <c>NewTreeItem</c> has no <c>content</c>, which
/// would take one blob request per file first — writes the 80-per-minute content limit counts.
/// </summary>
internal sealed record TreeWithContent(string BaseTree, IReadOnlyList<TreeFile> Tree);
