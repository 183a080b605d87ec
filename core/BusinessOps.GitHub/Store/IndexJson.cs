using System.Text.Json.Serialization;

namespace BusinessOps.GitHub.Store;

/// <summary>Source-generated JSON for the <see cref="SnapshotIndex"/> file (GitHub's wire format is Octokit's business).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnapshotIndex))]
internal sealed partial class IndexJson : JsonSerializerContext;
