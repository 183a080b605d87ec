using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// Reads the labels the repository's issue forms apply (<c>labels:</c> of each <c>.github/ISSUE_TEMPLATE/*.yml</c>).
/// GitHub silently drops a label that does not exist from a form submission, so each of these must exist before the
/// form is used. A form that cannot be read is reported, never fatal.
/// </summary>
public static class FormLabels
{
    public const string DefaultDirectory = ".github/ISSUE_TEMPLATE";

    public static IReadOnlyList<FormLabel> Read(string directory, ICollection<string> problems)
    {
        var found = new List<FormLabel>();
        if (!Directory.Exists(directory))
        {
            return found;
        }

        foreach (var path in Directory.EnumerateFiles(directory).Where(IsForm).Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            try
            {
                var stream = new YamlStream();
                using (var reader = new StreamReader(path))
                {
                    stream.Load(reader);
                }

                if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
                {
                    continue;
                }

                var name = root.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode s ? s.Value ?? file : file;
                if (root.Children.TryGetValue(new YamlScalarNode("labels"), out var labels))
                {
                    found.AddRange(Names(labels).Select(label => new FormLabel(label, name, file)));
                }
            }
            catch (Exception ex) when (ex is YamlException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // YamlDotNet reports some malformed input as InvalidOperationException rather than YamlException.
                problems.Add($"{file}: not a readable issue form ({ex.Message.Split('\n')[0]}); its labels were not checked");
            }
        }

        return found;
    }

    private static bool IsForm(string path) =>
        (path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        && !Path.GetFileNameWithoutExtension(path).Equals("config", StringComparison.OrdinalIgnoreCase);

    // GitHub accepts a list or a comma-separated string.
    private static IEnumerable<string> Names(YamlNode node) => node switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(c => c.Value?.Trim() ?? string.Empty).Where(v => v.Length > 0),
        YamlScalarNode s => (s.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };
}
