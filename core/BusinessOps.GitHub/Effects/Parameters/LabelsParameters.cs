namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.labels</c>: labels to add and remove, and the priority (<c>P0</c>–<c>P3</c>) to set.</summary>
internal sealed record LabelsParameters(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove, string? Priority);
