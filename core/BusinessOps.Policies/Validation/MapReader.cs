using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Validation;

/// <summary>
/// One mapping checked against its schema: unknown and duplicate keys are reported when it is opened,
/// then values are fetched by key. <see cref="Where"/> names the mapping in messages (<c>priorities.P0</c>).
/// </summary>
internal sealed class MapReader
{
    private readonly FileDiagnostics diagnostics;
    private readonly Dictionary<string, YamlEntry> entries = new(StringComparer.Ordinal);

    private MapReader(FileDiagnostics diagnostics, YamlMap map, string where, IReadOnlyList<string> allowed)
    {
        this.diagnostics = diagnostics;
        Map = map;
        Where = where;
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                var place = where.Length == 0 ? "at the top level" : $"in '{where}'";
                diagnostics.Error(entry.Key, $"unknown key '{YamlText.Shorten(key)}' {place}{Suggest.Hint(key, allowed)}; allowed keys: {string.Join(", ", allowed)}");
            }
            else if (entries.TryGetValue(key, out var first))
            {
                diagnostics.Error(entry.Key, $"duplicate key '{key}'; it is already set on line {first.Key.Line}");
            }
            else
            {
                entries.Add(key, entry);
            }
        }
    }

    public YamlMap Map { get; }

    public string Where { get; }

    /// <summary>Keys present and allowed, in document order.</summary>
    public IEnumerable<YamlEntry> Entries => Map.Entries.Where(e => entries.TryGetValue(e.Key.Value, out var kept) && ReferenceEquals(kept, e));

    /// <summary>Opens <paramref name="node"/> as a mapping, or reports what was found instead and returns null.</summary>
    public static MapReader? Open(FileDiagnostics diagnostics, YamlValue node, string where, params string[] allowed)
    {
        if (node is YamlMap map)
        {
            return new MapReader(diagnostics, map, where, allowed);
        }

        var name = where.Length == 0 ? "the file" : $"'{where}'";
        diagnostics.Error(node, $"{name} must be a mapping (key: value lines) with keys {string.Join(", ", allowed)}; found {node.Describe()}");
        return null;
    }

    /// <summary>The value of an optional key; a key written with no value counts as absent.</summary>
    public YamlValue? Get(string key) =>
        entries.TryGetValue(key, out var e) && e.Value is not YamlText { IsNull: true } ? e.Value : null;

    /// <summary>The value of a required key, or null after reporting that it is missing.</summary>
    public YamlValue? Require(string key)
    {
        if (Get(key) is { } value)
        {
            return value;
        }

        var name = Where.Length == 0 ? "the file" : $"'{Where}'";
        if (entries.TryGetValue(key, out var empty))
        {
            diagnostics.Error(empty.Value, $"'{key}' in {name} needs a value");
        }
        else
        {
            diagnostics.Error(Map, $"{name} is missing the required key '{key}'");
        }

        return null;
    }

    /// <summary>A nested path for messages: <c>priorities</c> + <c>P0</c> → <c>priorities.P0</c>.</summary>
    public string Path(string key) => Where.Length == 0 ? key : $"{Where}.{key}";
}
