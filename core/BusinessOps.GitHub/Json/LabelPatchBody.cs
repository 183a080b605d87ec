namespace BusinessOps.GitHub.Json;

/// <summary>Body of repository label update.</summary>
internal sealed record LabelPatchBody(string Color, string Description);
