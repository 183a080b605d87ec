using System.Text.Json;
using System.Text.Json.Serialization;

namespace BusinessOps.Core;

/// <summary>Enum as snake_case string (<c>easily_reversible</c>).</summary>
public sealed class SnakeEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
