namespace BusinessOps.GitHub.Json;

/// <summary>Body of issue close/reopen.</summary>
internal sealed record IssueStateBody(string State);
