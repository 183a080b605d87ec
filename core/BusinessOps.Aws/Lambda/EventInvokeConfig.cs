using System.Text.Json.Serialization;

namespace BusinessOps.Aws.Lambda;

/// <summary>A function's asynchronous-invocation settings as Lambda reports them (PascalCase on the wire).</summary>
public sealed record EventInvokeConfig(
    [property: JsonPropertyName("FunctionArn")] string? FunctionArn,
    [property: JsonPropertyName("MaximumRetryAttempts")] int? MaximumRetryAttempts,
    [property: JsonPropertyName("MaximumEventAgeInSeconds")] int? MaximumEventAgeInSeconds,
    [property: JsonPropertyName("DestinationConfig")] DestinationConfig? DestinationConfig);

/// <summary>Where successful and failed invocation records go.</summary>
public sealed record DestinationConfig(
    [property: JsonPropertyName("OnSuccess")] OnDestination? OnSuccess,
    [property: JsonPropertyName("OnFailure")] OnDestination? OnFailure);

/// <summary>One destination's ARN.</summary>
public sealed record OnDestination([property: JsonPropertyName("Destination")] string? Destination);
