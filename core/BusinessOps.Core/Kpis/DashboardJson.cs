using System.Text.Json.Serialization;

namespace BusinessOps.Core.Kpis;

/// <summary>Source-generated JSON of the dashboard marker (compact, camelCase, alert kinds kebab-case).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabEnumConverter<AlertKind>)])]
[JsonSerializable(typeof(DashboardState))]
public sealed partial class DashboardJson : JsonSerializerContext;
