namespace BusinessOps.Core.Ports;

/// <summary>An issue to file.</summary>
public sealed record NewIssue(string Title, string Body, IReadOnlyList<string> Labels);
