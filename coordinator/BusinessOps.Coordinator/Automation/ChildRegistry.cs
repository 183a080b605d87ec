using System.Text.Json;
using BusinessOps.Automation;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The children a parent has had, child key → issue number, kept hidden in the parent's task-list comment. Open children
/// are found by their own markers; this list is how a child closed since (by a person, or done and closed) is still
/// counted instead of being opened again. Beside it, the children whose sub-issue link is settled (made, or refused by a
/// GitHub without sub-issues, where the task list is the link): each is linked once, and a pass that stopped between
/// the link and this list only meets GitHub's "already has a parent" next time.
/// </summary>
internal sealed record ChildRegistry(IReadOnlyDictionary<string, int> Children)
{
    private const string Prefix = "<!-- businessops:workflow-children ";
    private const string LinkedPrefix = "<!-- businessops:workflow-links ";
    private const string Suffix = " -->";

    /// <summary>Children of one run are a few dozen; a larger list was not written by us.</summary>
    private const int MaxJsonChars = 64 * 1024;

    /// <summary>The parent's task-list comment the list was read from; null before the first pass.</summary>
    public IssueComment? Comment { get; init; }

    /// <summary>Child issue numbers whose sub-issue link is settled; empty on a store without sub-issues.</summary>
    public IReadOnlySet<int> Linked { get; init; } = new HashSet<int>();

    public string ToMarker()
    {
        var json = JsonSerializer.Serialize(Children.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value), AutomationJson.Options);
        var marker = Prefix + json.Replace("@", "\\u0040", StringComparison.Ordinal).Replace("$", "\\u0024", StringComparison.Ordinal) + Suffix;
        return Linked.Count == 0 ? marker : marker + "\n" + LinkedPrefix + JsonSerializer.Serialize(Linked.Order().ToArray(), AutomationJson.Options) + Suffix;
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
            return children is null ? empty : empty with { Children = children, Linked = ReadLinked(comment.Body) };
        }
        catch (JsonException)
        {
            return empty;
        }
    }

    // The settled links; a missing or unreadable list only means each child is linked again (GitHub refuses a second parent).
    private static HashSet<int> ReadLinked(string body)
    {
        var start = body.IndexOf(LinkedPrefix, StringComparison.Ordinal);
        var end = start < 0 ? -1 : body.IndexOf(Suffix, start + LinkedPrefix.Length, StringComparison.Ordinal);
        if (end < 0 || end - start > MaxJsonChars)
        {
            return [];
        }

        try
        {
            return [.. JsonSerializer.Deserialize<int[]>(body.AsSpan(start + LinkedPrefix.Length, end - start - LinkedPrefix.Length), AutomationJson.Options) ?? []];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
