using System.Text.Json;
using BusinessOps.Automation;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The children a parent has had, child key → issue number, kept hidden in the parent's task-list comment. Open children
/// are found by their own markers; this list is how a child closed since (by a person, or done and closed) is still
/// counted instead of being opened again.
/// </summary>
internal sealed record ChildRegistry(IReadOnlyDictionary<string, int> Children)
{
    private const string Prefix = "<!-- businessops:workflow-children ";
    private const string Suffix = " -->";

    /// <summary>Children of one run are a few dozen; a larger list was not written by us.</summary>
    private const int MaxJsonChars = 64 * 1024;

    /// <summary>The parent's task-list comment the list was read from; null before the first pass.</summary>
    public IssueComment? Comment { get; init; }

    public string ToMarker()
    {
        var json = JsonSerializer.Serialize(Children.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value), AutomationJson.Options);
        return Prefix + json.Replace("@", "\\u0040", StringComparison.Ordinal).Replace("$", "\\u0024", StringComparison.Ordinal) + Suffix;
    }

    public static ChildRegistry Read(IssueSnapshot parent, string identity)
    {
        var comment = parent.Comments.FirstOrDefault(c => string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(Prefix, StringComparison.Ordinal));
        var empty = new ChildRegistry(new Dictionary<string, int>()) { Comment = comment };
        if (comment is null)
        {
            return empty;
        }

        var start = comment.Body.IndexOf(Prefix, StringComparison.Ordinal) + Prefix.Length;
        var end = comment.Body.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0 || end - start > MaxJsonChars)
        {
            return empty;
        }

        try
        {
            var children = JsonSerializer.Deserialize<Dictionary<string, int>>(comment.Body.AsSpan(start, end - start), AutomationJson.Options);
            return children is null ? empty : empty with { Children = children };
        }
        catch (JsonException)
        {
            return empty;
        }
    }
}
