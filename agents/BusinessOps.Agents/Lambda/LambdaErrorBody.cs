using System.Text.Json.Serialization;

namespace BusinessOps.Agents.Lambda;

/// <summary>The error document the Runtime API expects on <c>/invocation/{id}/error</c> and <c>/init/error</c>.</summary>
public sealed record LambdaErrorBody(string ErrorMessage, string ErrorType);

/// <summary>Source-generated JSON for <see cref="LambdaErrorBody"/> (camelCase: <c>errorMessage</c>, <c>errorType</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LambdaErrorBody))]
internal sealed partial class LambdaRuntimeJson : JsonSerializerContext;
