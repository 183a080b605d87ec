using BusinessOps.Core.Issues;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// Loads issue snapshots for one WHERE clause (over alias <c>i</c>) with three queries in total — issues,
/// their labels, their comments — however many issues match: never one query per issue.
/// </summary>
internal static class IssueRows
{
    public static List<IssueSnapshot> Load(SqliteTransaction transaction, UnreadableRows skipped, string location, string where, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var labels = LoadLabels(transaction, where, parameters);
        var comments = LoadComments(transaction, skipped, location, where, parameters);
        var issues = new List<IssueSnapshot>();
        using var command = transaction.Command($"SELECT i.number, i.title, i.body, i.state, i.author, i.created_at, i.updated_at FROM issues i WHERE {where} ORDER BY i.number;", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var number = reader.GetInt32(0);
            try
            {
                issues.Add(new IssueSnapshot(
                    number,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3) == "closed" ? IssueState.Closed : IssueState.Open,
                    labels.TryGetValue(number, out var names) ? names : [],
                    reader.GetString(4),
                    Timestamps.Parse(reader.GetString(5)),
                    Timestamps.Parse(reader.GetString(6)),
                    comments.TryGetValue(number, out var list) ? list : []));
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                skipped.Skip("issue", number, location, ex);
            }
        }

        return issues;
    }

    /// <summary>One comment row (id, author, body, created_at, updated_at from <paramref name="offset"/>).</summary>
    /// <exception cref="FormatException">A timestamp is not ISO-8601.</exception>
    public static IssueComment ReadComment(SqliteDataReader reader, int offset) => Comment(
        reader.GetInt64(offset),
        reader.GetString(offset + 1),
        reader.GetString(offset + 2),
        reader.GetString(offset + 3),
        reader.GetString(offset + 4));

    /// <summary>What a row that cannot be read throws: a malformed value, or a NULL or wrongly typed column.</summary>
    public static bool IsUnreadable(Exception ex) => ex is FormatException or InvalidCastException or InvalidOperationException or OverflowException;

    public static IssueComment Comment(long id, string author, string body, string createdAt, string updatedAt) =>
        new(id, author, body, Timestamps.Parse(createdAt), Timestamps.Parse(updatedAt), IsBot(author));

    /// <summary>GitHub App accounts end with <c>[bot]</c>; nobody else can register such a login.</summary>
    public static bool IsBot(string login) => login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<int, List<string>> LoadLabels(SqliteTransaction transaction, string where, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var byIssue = new Dictionary<int, List<string>>();
        using var command = transaction.Command(
            $"SELECT il.issue, l.name FROM issue_labels il JOIN labels l ON l.id = il.label WHERE il.issue IN (SELECT i.number FROM issues i WHERE {where}) ORDER BY il.issue, il.id;",
            parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var issue = reader.GetInt32(0);
            if (!byIssue.TryGetValue(issue, out var names))
            {
                byIssue[issue] = names = [];
            }

            names.Add(reader.GetString(1));
        }

        return byIssue;
    }

    private static Dictionary<int, List<IssueComment>> LoadComments(SqliteTransaction transaction, UnreadableRows skipped, string location, string where, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var byIssue = new Dictionary<int, List<IssueComment>>();
        using var command = transaction.Command(
            $"SELECT c.issue, c.id, c.author, c.body, c.created_at, c.updated_at FROM comments c WHERE c.issue IN (SELECT i.number FROM issues i WHERE {where}) ORDER BY c.issue, c.id;",
            parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var issue = reader.GetInt32(0);
            if (!byIssue.TryGetValue(issue, out var list))
            {
                byIssue[issue] = list = [];
            }

            try
            {
                list.Add(ReadComment(reader, 1));
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                skipped.Skip("comment", reader.GetInt64(1), location, ex);
            }
        }

        return byIssue;
    }
}
