using BusinessOps.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.Workflows;

/// <summary>A workflow (or composite action) file with its jobs and steps, read as YAML.</summary>
public sealed record WorkflowFile(string Path, YamlMappingNode Root)
{
    public static IReadOnlyList<WorkflowFile> LoadAll() =>
        [.. Directory.GetFiles(RepositoryFiles.PathOf(".github/workflows"), "*.yml")
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf(".github/actions"), "action.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(Load)];

    public static WorkflowFile Load(string path) =>
        new(System.IO.Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'), (YamlMappingNode)Yaml.Parse(File.ReadAllText(path)));

    public bool IsAction => Path.EndsWith("action.yml", StringComparison.Ordinal);

    /// <summary>A reusable workflow (<c>on: workflow_call</c>).</summary>
    public bool IsReusable => Root.Map("on")?.Get("workflow_call") is not null;

    public IEnumerable<KeyValuePair<string, YamlNode>> Jobs => Root.Map("jobs")?.Entries() ?? [];

    /// <summary>Every step of every job (or of the composite action).</summary>
    public IEnumerable<YamlNode> Steps =>
        IsAction
            ? (Root.Map("runs")?.Get("steps") as YamlSequenceNode)?.Children ?? []
            : Jobs.SelectMany(j => (j.Value.Get("steps") as YamlSequenceNode)?.Children ?? []);
}
