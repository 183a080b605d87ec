using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// Source-generated JSON for <see cref="KpiSnapshot"/> (camelCase, priorities <c>P0</c>…, kinds kebab-case): the shape
/// of <c>coordinator report --format json</c> and of the KPIs in an agent's dispatch context.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(KebabEnumConverter<AttentionKind>), typeof(JsonStringEnumConverter<Priority>)])]
[JsonSerializable(typeof(KpiSnapshot))]
public sealed partial class KpiJson : JsonSerializerContext
{
    /// <summary>Indented, for files and people; HTML-sensitive characters escaped (the JSON may be embedded in a page).</summary>
    public static KpiJson Pretty { get; } = new(MakeOptions(indented: true));

    /// <summary>Compact, for agent contexts.</summary>
    public static KpiJson Compact { get; } = new(MakeOptions(indented: false));

    private static JsonSerializerOptions MakeOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.Default,
        Converters = { new KebabEnumConverter<AttentionKind>(), new JsonStringEnumConverter<Priority>() },
    };
}
