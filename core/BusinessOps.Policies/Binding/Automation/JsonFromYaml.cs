using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>
/// YAML written in a policy (a JSON Schema, a constant) as JSON: plain scalars that read as numbers, booleans or
/// null become those; quoted scalars stay strings, so <c>"8"</c> is text and <c>8</c> a number, as in YAML itself.
/// </summary>
internal static class JsonFromYaml
{
    public static JsonNode? Convert(YamlValue node) => node switch
    {
        YamlMap map => Object(map),
        YamlList list => new JsonArray([.. list.Items.Select(Convert)]),
        YamlText { IsNull: true } => null,
        YamlText { IsPlain: true, Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        YamlText { IsPlain: true, Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        YamlText { IsPlain: true } t when long.TryParse(t.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlText { IsPlain: true } t when double.TryParse(t.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        YamlText t => JsonValue.Create(t.Value),
        _ => null,
    };

    private static JsonObject Object(YamlMap map)
    {
        var o = new JsonObject();
        foreach (var entry in map.Entries)
        {
            // Duplicates were reported by the caller's reader; the last one wins here.
            o[entry.Key.Value] = Convert(entry.Value);
        }

        return o;
    }
}
