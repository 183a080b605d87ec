using System.Text.RegularExpressions;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Agents;

/// <summary>Finds the YAML node of a JSON path (<c>$.tiers[1].amount</c>), or the deepest one that exists, for an error's line.</summary>
internal static partial class YamlPath
{
    public static YamlValue Find(YamlValue root, string? path)
    {
        var node = root;
        if (string.IsNullOrEmpty(path))
        {
            return node;
        }

        foreach (Match part in Parts().Matches(path))
        {
            YamlValue? next = part.Groups["key"].Success && node is YamlMap map
                ? map.Entries.LastOrDefault(e => e.Key.Value == part.Groups["key"].Value)?.Value
                : part.Groups["index"].Success && node is YamlList list && int.TryParse(part.Groups["index"].Value, out var i) && i < list.Items.Count
                    ? list.Items[i]
                    : null;
            if (next is null)
            {
                return node;
            }

            node = next;
        }

        return node;
    }

    [GeneratedRegex(@"\.(?<key>[A-Za-z0-9_-]+)|\['(?<key>[^']+)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Parts();
}
