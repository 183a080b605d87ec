using System.Text.RegularExpressions;
using BusinessOps.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>Finds every reference made by intrinsic functions, in short (<c>!Ref</c>) and long (<c>Ref:</c>) form.</summary>
public static partial class Intrinsics
{
    /// <summary>Every short-form tag CloudFormation understands.</summary>
    public static IReadOnlySet<string> ShortForms { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "!Ref", "!GetAtt", "!Sub", "!If", "!Equals", "!Not", "!And", "!Or", "!Condition", "!Select", "!Split",
        "!Join", "!GetAZs", "!ImportValue", "!FindInMap", "!Base64", "!Cidr", "!Transform", "!ToJsonString", "!Length",
    };

    /// <summary>All references in <paramref name="template"/>: resource properties and attributes, conditions, outputs.</summary>
    public static IReadOnlyList<IntrinsicReference> Find(CfnTemplate template)
    {
        var found = new List<IntrinsicReference>();
        foreach (var (id, resource) in template.Resources)
        {
            Walk(resource.Get("Properties"), id + ".Properties", found);
            if (resource.Text("Condition") is { } condition)
            {
                found.Add(new(ReferenceKind.Condition, condition, id + ".Condition"));
            }

            foreach (var dependency in resource.Get("DependsOn").Scalars())
            {
                found.Add(new(ReferenceKind.DependsOn, dependency, id + ".DependsOn"));
            }
        }

        foreach (var (id, condition) in template.Conditions)
        {
            Walk(condition, "Conditions." + id, found);
        }

        foreach (var (id, output) in template.Outputs)
        {
            Walk(output, "Outputs." + id, found);
        }

        return found;
    }

    /// <summary>The references inside one node (a property value, a policy's Resource list).</summary>
    public static IReadOnlyList<IntrinsicReference> In(YamlNode node, string path = "")
    {
        var found = new List<IntrinsicReference>();
        Walk(node, path, found);
        return found;
    }

    /// <summary>Every tag used anywhere in the node tree.</summary>
    public static IEnumerable<string> Tags(YamlNode node) =>
        node.AllNodes.Select(n => n.TagOf()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary>Names a <c>!Sub</c> string refers to (<c>${Name}</c>, <c>${Name.Attr}</c>; <c>${!Literal}</c> skipped).</summary>
    public static IEnumerable<(string Name, bool IsAttribute)> SubNames(string text)
    {
        foreach (Match m in SubVariable().Matches(text))
        {
            var inner = m.Groups[1].Value.Trim();
            if (inner.StartsWith('!'))
            {
                continue;
            }

            var dot = inner.IndexOf('.', StringComparison.Ordinal);
            yield return dot < 0 ? (inner, false) : (inner[..dot], true);
        }
    }

    private static void Walk(YamlNode? node, string path, List<IntrinsicReference> found)
    {
        switch (node)
        {
            case null:
                return;
            case YamlScalarNode scalar:
                Scalar(scalar.TagOf(), scalar.Value ?? string.Empty, path, found);
                return;
            case YamlSequenceNode seq:
                Sequence(seq, path, found);
                return;
            case YamlMappingNode map:
                Mapping(map, path, found);
                return;
        }
    }

    private static void Scalar(string tag, string value, string path, List<IntrinsicReference> found)
    {
        switch (tag)
        {
            case "!Ref":
                found.Add(new(ReferenceKind.Value, value, path));
                break;
            case "!GetAtt":
                found.Add(new(ReferenceKind.Attribute, value.Split('.')[0], path));
                break;
            case "!Sub":
                AddSub(value, [], path, found);
                break;
            case "!Condition":
                found.Add(new(ReferenceKind.Condition, value, path));
                break;
        }
    }

    private static void Sequence(YamlSequenceNode seq, string path, List<IntrinsicReference> found)
    {
        var items = seq.Children;
        switch (seq.TagOf())
        {
            case "!GetAtt" when items.Count > 0 && items[0] is YamlScalarNode resource:
                found.Add(new(ReferenceKind.Attribute, resource.Value ?? string.Empty, path));
                return;
            case "!Sub" when items.Count > 0 && items[0] is YamlScalarNode text:
                var locals = items.Count > 1 && items[1] is YamlMappingNode vars
                    ? vars.Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal)
                    : [];
                AddSub(text.Value ?? string.Empty, locals, path, found);
                for (var i = 1; i < items.Count; i++)
                {
                    Walk(items[i], path + "[" + i + "]", found);
                }

                return;
            case "!If" when items.Count > 0 && items[0] is YamlScalarNode condition:
                found.Add(new(ReferenceKind.Condition, condition.Value ?? string.Empty, path));
                for (var i = 1; i < items.Count; i++)
                {
                    Walk(items[i], path + "[" + i + "]", found);
                }

                return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            Walk(items[i], path + "[" + i + "]", found);
        }
    }

    private static void Mapping(YamlMappingNode map, string path, List<IntrinsicReference> found)
    {
        // Long forms: { Ref: X }, { Fn::GetAtt: … }, { Fn::Sub: … }, { Fn::If: … } behave like their tags.
        if (map.Children.Count == 1)
        {
            var (key, value) = map.Entries().Single();
            var tag = key switch
            {
                "Ref" => "!Ref",
                "Fn::GetAtt" => "!GetAtt",
                "Fn::Sub" => "!Sub",
                "Fn::If" => "!If",
                "Condition" => "!Condition",
                _ => null,
            };
            if (tag is not null)
            {
                switch (value)
                {
                    case YamlScalarNode s:
                        Scalar(tag, s.Value ?? string.Empty, path, found);
                        return;
                    case YamlSequenceNode seq:
                        Sequence(new YamlSequenceNode(seq.Children) { Tag = new(tag) }, path, found);
                        return;
                }
            }
        }

        foreach (var (key, value) in map.Entries())
        {
            Walk(value, path + "." + key, found);
        }
    }

    private static void AddSub(string text, HashSet<string> locals, string path, List<IntrinsicReference> found)
    {
        foreach (var (name, isAttribute) in SubNames(text))
        {
            if (!locals.Contains(name))
            {
                found.Add(new(isAttribute ? ReferenceKind.Attribute : ReferenceKind.Value, name, path));
            }
        }
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex SubVariable();
}
