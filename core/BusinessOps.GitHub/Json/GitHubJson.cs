using System.Text.Json.Serialization;

namespace BusinessOps.GitHub.Json;

/// <summary>Source-generated JSON for GitHub's snake_case wire format and the snapshot index.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(List<UserDto>))]
[JsonSerializable(typeof(IssueDto))]
[JsonSerializable(typeof(List<IssueDto>))]
[JsonSerializable(typeof(CommentDto))]
[JsonSerializable(typeof(List<CommentDto>))]
[JsonSerializable(typeof(LabelDto))]
[JsonSerializable(typeof(List<LabelDto>))]
[JsonSerializable(typeof(PermissionDto))]
[JsonSerializable(typeof(InstallationTokenDto))]
[JsonSerializable(typeof(AppDto))]
[JsonSerializable(typeof(CommentBody))]
[JsonSerializable(typeof(LabelsBody))]
[JsonSerializable(typeof(NewLabelBody))]
[JsonSerializable(typeof(LabelPatchBody))]
[JsonSerializable(typeof(NewIssueBody))]
[JsonSerializable(typeof(IssueStateBody))]
[JsonSerializable(typeof(ReactionBody))]
[JsonSerializable(typeof(SnapshotIndex))]
internal sealed partial class GitHubJson : JsonSerializerContext;
