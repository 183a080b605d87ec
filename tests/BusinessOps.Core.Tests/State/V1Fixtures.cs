using System.Globalization;
using System.Text.Json;
using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Tests.State;

/// <summary>
/// Issues exactly as the release before schema version 2 left them (<c>Fixtures/v1-issues.json</c>): labels, comments and
/// status markers from its <c>coordinator demo</c> store, and in-flight dispatches it recorded for the AWS executor.
/// </summary>
internal static class V1Fixtures
{
    /// <summary>When the demo store was written (its last comment): the fixtures are converged at this time.</summary>
    public static readonly DateTimeOffset DemoTime = new(2026, 11, 29, 10, 12, 10, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyDictionary<string, IssueSnapshot>> All = new(Load);

    public static IssueSnapshot Issue(string name) => All.Value[name];

    public static IReadOnlyCollection<string> Names => [.. All.Value.Keys];

    private static Dictionary<string, IssueSnapshot> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "State", "Fixtures", "v1-issues.json")));
        var issues = new Dictionary<string, IssueSnapshot>(StringComparer.Ordinal);
        foreach (var i in doc.RootElement.GetProperty("issues").EnumerateArray())
        {
            var comments = i.GetProperty("comments").EnumerateArray().Select(c => new IssueComment(
                c.GetProperty("id").GetInt64(),
                c.GetProperty("author").GetString()!,
                c.GetProperty("body").GetString()!,
                Time(c, "createdAt"),
                Time(c, "updatedAt"),
                c.GetProperty("author").GetString()!.EndsWith("[bot]", StringComparison.Ordinal))).ToList();
            issues[i.GetProperty("name").GetString()!] = new IssueSnapshot(
                i.GetProperty("number").GetInt32(),
                i.GetProperty("title").GetString()!,
                i.GetProperty("body").GetString()!,
                IssueState.Open,
                [.. i.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)],
                i.GetProperty("author").GetString()!,
                Time(i, "createdAt"),
                Time(i, "updatedAt"),
                comments);
        }

        return issues;
    }

    private static DateTimeOffset Time(JsonElement e, string name) => DateTimeOffset.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
