using System.Text;
using BusinessOps.Core.Comments;

namespace BusinessOps.Policies.Wording;

/// <summary>Reads <c>templates/coordinator/&lt;name&gt;.sbn</c> for each of <see cref="CommentNames.All"/> from a policy folder or from file name → text.</summary>
public static class WordingLoader
{
    /// <summary>Largest template accepted, in characters; a bigger one is reported and the built-in text used.</summary>
    public const int MaxChars = 64 * 1024;

    public static (ICommentWording Wording, IReadOnlyList<PolicyError> Errors) Load(string directory)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in CommentNames.All)
        {
            var file = FileName(name);
            var path = Path.Combine(directory, file);
            if (File.Exists(path))
            {
                files[file] = File.ReadAllText(path, Encoding.UTF8);
            }
        }

        return LoadFromStrings(files);
    }

    public static (ICommentWording Wording, IReadOnlyList<PolicyError> Errors) LoadFromStrings(IReadOnlyDictionary<string, string> files)
    {
        var templates = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var errors = new List<PolicyError>();
        foreach (var name in CommentNames.All)
        {
            var file = FileName(name);
            if (!files.TryGetValue(file, out var text))
            {
                continue;
            }

            if (text.Length > MaxChars)
            {
                errors.Add(PolicyError.ForFile(file, $"template is larger than {MaxChars / 1024} KB; the built-in wording is used"));
                continue;
            }

            templates[name] = (file, text);
        }

        var (wording, parse) = TemplateWording.From(templates);
        return (wording, [.. errors, .. parse]);
    }

    /// <summary><c>templates/coordinator/status.sbn</c> for <c>status</c>.</summary>
    public static string FileName(string name) => CommentNames.Folder + "/" + name + ".sbn";
}
