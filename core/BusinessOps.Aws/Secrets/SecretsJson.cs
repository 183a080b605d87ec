using System.Text.Json.Serialization;

namespace BusinessOps.Aws.Secrets;

/// <summary>Source-generated JSON for the Secrets Manager wire shapes (PascalCase as the service spells them, nulls omitted).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
internal sealed partial class SecretsJson : JsonSerializerContext;
