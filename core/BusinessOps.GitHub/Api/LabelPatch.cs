namespace BusinessOps.GitHub.Api;

/// <summary>Body of a repository label update: colour and description (the name stays; see <see cref="GitHubApi.UpdateRepoLabelAsync"/>).</summary>
internal sealed record LabelPatch(string Color, string Description);
