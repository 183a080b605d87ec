namespace BusinessOps.GitHub.Json;

/// <summary>Body of repository label create.</summary>
internal sealed record NewLabelBody(string Name, string Color, string Description);
