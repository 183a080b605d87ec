using System.Text.Json;

namespace BusinessOps.Core.Effects;

/// <summary>Tolerant reads of an effect's parameters (for descriptions): a missing or mistyped field reads as null.</summary>
public static class EffectParameters
{
    public static string? Text(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static long? Number(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n
            : null;

    public static bool? Flag(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static IReadOnlyList<JsonElement> Items(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : [];

    public static IReadOnlyList<string> Texts(JsonElement parameters, string name) =>
        [.. Items(parameters, name).Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!)];
}
