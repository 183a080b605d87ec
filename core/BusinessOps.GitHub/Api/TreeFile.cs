namespace BusinessOps.GitHub.Api;

/// <summary>
/// One file of a new tree, its text inline (GitHub stores the blob). <see cref="Mode"/> and <see cref="Type"/> are fields of
/// the request body (<c>100644</c>, <c>blob</c>), so they are properties of the record, not constants.
/// </summary>
internal sealed record TreeFile(string Path, string Content, string Mode = "100644", string Type = "blob");
