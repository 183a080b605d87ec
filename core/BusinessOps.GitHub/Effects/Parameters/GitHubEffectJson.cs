using System.Text.Json.Serialization;

namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary>Source-generated readers of the GitHub effects' parameters (camelCase, as the schemas name them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LabelsParameters))]
[JsonSerializable(typeof(CommentParameters))]
[JsonSerializable(typeof(IssueParameters))]
[JsonSerializable(typeof(PullRequestParameters))]
[JsonSerializable(typeof(DeploymentParameters))]
[JsonSerializable(typeof(DeploymentStatusParameters))]
[JsonSerializable(typeof(CommitStatusParameters))]
[JsonSerializable(typeof(RedactParameters))]
[JsonSerializable(typeof(CloseParameters))]
internal sealed partial class GitHubEffectJson : JsonSerializerContext;
