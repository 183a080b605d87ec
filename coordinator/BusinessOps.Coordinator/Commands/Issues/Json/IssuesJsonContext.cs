using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>Source-generated JSON for <c>coordinator issues … --json</c>: camelCase, indented, no reflection.</summary>
[JsonSerializable(typeof(IssueJson))]
[JsonSerializable(typeof(IReadOnlyList<IssueSummaryJson>))]
[JsonSerializable(typeof(CommentJson))]
[JsonSerializable(typeof(IssueLabelsJson))]
[JsonSerializable(typeof(IssueStateJson))]
[JsonSerializable(typeof(CollaboratorJson))]
[JsonSerializable(typeof(IReadOnlyList<CollaboratorJson>))]
[JsonSerializable(typeof(ImportJson))]
public sealed partial class IssuesJsonContext : JsonSerializerContext
{
    /// <summary>
    /// For stdout: indented, and non-ASCII text left readable. Control characters are still escaped by JSON itself,
    /// so untrusted bodies cannot inject terminal escape sequences.
    /// </summary>
    public static IssuesJsonContext Pretty { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
