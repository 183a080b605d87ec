using BusinessOps.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>A CloudFormation template read as YAML with its intrinsic-function tags kept on the nodes.</summary>
public sealed class CfnTemplate(YamlMappingNode root)
{
    /// <summary>Pseudo parameters a template may reference without declaring them.</summary>
    public static IReadOnlySet<string> PseudoParameters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
        "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    };

    public YamlMappingNode Root { get; } = root;

    public IReadOnlyDictionary<string, YamlNode> Parameters { get; } = Section(root, "Parameters");

    public IReadOnlyDictionary<string, YamlNode> Resources { get; } = Section(root, "Resources");

    public IReadOnlyDictionary<string, YamlNode> Conditions { get; } = Section(root, "Conditions");

    public IReadOnlyDictionary<string, YamlNode> Outputs { get; } = Section(root, "Outputs");

    public static CfnTemplate Parse(string yaml) =>
        new(Yaml.Parse(yaml) as YamlMappingNode ?? throw new InvalidDataException("a template is a YAML mapping"));

    public static CfnTemplate Load() => Parse(RepositoryFiles.Read("infra/businessops.yml"));

    /// <summary>Resources of one type, by logical id.</summary>
    public IEnumerable<KeyValuePair<string, YamlNode>> ResourcesOfType(string type) =>
        Resources.Where(r => r.Value.Text("Type") == type);

    public YamlMappingNode PropertiesOf(string logicalId) =>
        Resources[logicalId].Map("Properties") ?? throw new KeyNotFoundException(logicalId + " has no Properties");

    /// <summary>True when <paramref name="name"/> is a parameter, a resource or a pseudo parameter.</summary>
    public bool CanRef(string name) => Parameters.ContainsKey(name) || Resources.ContainsKey(name) || PseudoParameters.Contains(name);

    /// <summary>The default of parameter <paramref name="name"/>, or null.</summary>
    public string? DefaultOf(string name) => Parameters.TryGetValue(name, out var p) ? p.Text("Default") : null;

    private static Dictionary<string, YamlNode> Section(YamlMappingNode root, string name) =>
        root.Map(name)?.Entries().ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)
        ?? new Dictionary<string, YamlNode>(StringComparer.Ordinal);
}
