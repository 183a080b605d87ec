using BusinessOps.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>
/// A template node as CloudFormation deploys it for given condition values: each <c>!If [condition, then, else]</c>
/// replaced by its branch, and <c>!Ref AWS::NoValue</c> removed from mappings and sequences. Other tags are kept.
/// </summary>
public static class ConditionalNodes
{
    /// <summary>The node with every <c>!If</c> decided by <paramref name="isTrue"/>; null when it resolves to AWS::NoValue.</summary>
    public static YamlNode? Resolve(YamlNode node, Func<string, bool> isTrue)
    {
        switch (node)
        {
            case YamlSequenceNode { Children: [YamlScalarNode condition, var then, var otherwise] } when node.TagOf() == "!If":
                return Resolve(isTrue(condition.Value ?? string.Empty) ? then : otherwise, isTrue);
            case YamlScalarNode s when s.TagOf() == "!Ref" && s.Value == "AWS::NoValue":
                return null;
            case YamlMappingNode map:
                var resolvedMap = new YamlMappingNode { Tag = map.Tag };
                foreach (var (key, value) in map.Entries())
                {
                    if (Resolve(value, isTrue) is { } kept)
                    {
                        resolvedMap.Add(key, kept);
                    }
                }

                return resolvedMap;
            case YamlSequenceNode seq:
                var resolvedSeq = new YamlSequenceNode { Tag = seq.Tag };
                foreach (var child in seq.Children)
                {
                    if (Resolve(child, isTrue) is { } kept)
                    {
                        resolvedSeq.Add(kept);
                    }
                }

                return resolvedSeq;
            default:
                return node;
        }
    }

    /// <summary>Every scalar under <paramref name="node"/> (values and keys), for "is X mentioned at all" checks.</summary>
    public static IEnumerable<string> Scalars(YamlNode node) =>
        node.AllNodes.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty);
}
