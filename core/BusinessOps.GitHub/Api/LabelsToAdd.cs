namespace BusinessOps.GitHub.Api;

/// <summary>Body of "add labels to an issue": the object form GitHub's description specifies (see <see cref="GitHubApi.AddLabelsAsync"/>).</summary>
internal sealed record LabelsToAdd(IReadOnlyList<string> Labels);
