namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>The columns (CSV) or fields (JSON lines) an import row may have, and how their text becomes a row.</summary>
internal static class RowFields
{
    public const string Title = "title";
    public const string Body = "body";
    public const string Labels = "labels";
    public const string Author = "author";
    public const string Id = "id";

    public static readonly string[] All = [Title, Body, Labels, Author, Id];

    public static string Known => string.Join(", ", All);

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>Comma-separated names (label names cannot contain commas), blanks dropped.</summary>
    public static List<string> SplitLabels(string? text) => IssueOptions.SplitLabels(text is null ? [] : [text]);

    /// <summary>A blank author means "the importer"; surrounding space is not part of a login.</summary>
    public static string? AuthorOf(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The id, trimmed, or the problem with it.</summary>
    public static (string? Id, string? Problem) IdOf(string? text)
    {
        var id = text?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return (null, null);
        }

        if (id.Length > ImportLimits.MaxIdLength || id.Any(char.IsControl))
        {
            return (null, $"the id must be at most {ImportLimits.MaxIdLength} characters without line breaks or control characters");
        }

        return (id, null);
    }
}
