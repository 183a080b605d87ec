using System.Text.Json.Serialization;

namespace BusinessOps.Aws.Sqs;

/// <summary>Source-generated JSON for the SQS wire shapes (PascalCase as SQS spells them, nulls omitted).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(ReceiveMessageRequest))]
[JsonSerializable(typeof(ReceiveMessageResponse))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(GetQueueAttributesRequest))]
[JsonSerializable(typeof(GetQueueAttributesResponse))]
internal sealed partial class SqsJson : JsonSerializerContext;
