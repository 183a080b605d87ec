namespace BusinessOps.GitHub.Json;

/// <summary>Body of add/replace issue labels.</summary>
internal sealed record LabelsBody(IReadOnlyList<string> Labels);
