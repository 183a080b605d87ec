namespace BusinessOps.LocalStore;

/// <summary>One issue of a bulk import: unlike <see cref="BusinessOps.Core.Ports.NewIssue"/>, it names who filed it.</summary>
public sealed record ImportedIssue(string Title, string Body, IReadOnlyList<string> Labels, string Author);
