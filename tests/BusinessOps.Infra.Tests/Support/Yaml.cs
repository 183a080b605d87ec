using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.Support;

/// <summary>
/// Small helpers over YamlDotNet's representation model. It keeps each node's tag (<c>!Ref</c>, <c>!Sub</c>)
/// instead of resolving it, which is exactly what reading CloudFormation short forms needs: no custom
/// tag mapping, and the intrinsic function stays visible on the node it applies to.
/// </summary>
public static class Yaml
{
    public static YamlNode Parse(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    public static YamlNode Load(string relativePath) => Parse(RepositoryFiles.Read(relativePath));

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(this YamlNode node, string key) => node.Get(key) as YamlMappingNode;

    public static string? Text(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static string TagOf(this YamlNode node) => node.Tag.IsEmpty ? string.Empty : node.Tag.Value;

    /// <summary>The entries of a mapping with string keys, in document order.</summary>
    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlMappingNode map) =>
        map.Children.Select(c => new KeyValuePair<string, YamlNode>(((YamlScalarNode)c.Key).Value ?? string.Empty, c.Value));

    /// <summary>A scalar or a sequence of scalars as strings (other nodes are skipped).</summary>
    public static IReadOnlyList<string> Scalars(this YamlNode? node) => node switch
    {
        YamlScalarNode s => [s.Value ?? string.Empty],
        YamlSequenceNode seq => [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)],
        _ => [],
    };
}
