using BusinessOps.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.Forms;

/// <summary>An issue form of .github/ISSUE_TEMPLATE, reduced to what routing and the agents depend on.</summary>
public sealed record IssueForm(string File, string Name, IReadOnlyList<string> Labels, IReadOnlyList<FormField> Fields)
{
    public static IReadOnlyList<IssueForm> LoadAll() =>
        [.. Directory.GetFiles(RepositoryFiles.PathOf(".github/ISSUE_TEMPLATE"), "*.yml")
            .Where(f => !string.Equals(Path.GetFileName(f), "config.yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Parse(Path.GetFileName(f), System.IO.File.ReadAllText(f)))];

    public static IssueForm Parse(string file, string yaml)
    {
        var root = Yaml.Parse(yaml);
        var fields = (root.Get("body") as YamlSequenceNode)?.Children
            .Where(item => item.Text("type") != "markdown")
            .Select(FormField.From)
            .ToList() ?? [];
        return new IssueForm(file, root.Text("name") ?? string.Empty, root.Get("labels").Scalars(), fields);
    }
}

/// <summary>One input, textarea, dropdown or checkboxes element of a form.</summary>
public sealed record FormField(string Type, string? Id, string Label, bool Required, IReadOnlyList<string> Options, string? Description)
{
    public static FormField From(YamlNode item)
    {
        var attributes = item.Map("attributes");
        var required = string.Equals(item.Map("validations")?.Text("required"), "true", StringComparison.OrdinalIgnoreCase);
        return new FormField(
            item.Text("type") ?? string.Empty,
            item.Text("id"),
            attributes?.Text("label") ?? string.Empty,
            required,
            attributes?.Get("options").Scalars() ?? [],
            attributes?.Text("description"));
    }
}
