using BusinessOps.Core.Labels;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>Reads <c>priorities: {P0: …, P1: …, P2: …, P3: …}</c>; all four are required so no priority is left undefined.</summary>
internal static class PriorityMaps
{
    private static readonly string[] Keys = ["P0", "P1", "P2", "P3"];

    /// <summary><paramref name="readOne"/> gets the entry's node and its path (<c>priorities.P1</c>).</summary>
    public static Dictionary<Priority, T>? Read<T>(FileDiagnostics diagnostics, YamlValue node, string key, Func<YamlValue, string, T?> readOne)
        where T : class
    {
        if (MapReader.Open(diagnostics, node, key, Keys) is not { } map)
        {
            return null;
        }

        var result = new Dictionary<Priority, T>();
        foreach (var name in Keys)
        {
            if (map.Require(name) is { } entry && readOne(entry, map.Path(name)) is { } value)
            {
                result[Enum.Parse<Priority>(name)] = value;
            }
        }

        return result;
    }
}
