using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>Bulk filing: many issues in one transaction, and the keys an import matches existing issues by.</summary>
public sealed partial class SqliteIssueStore
{
    /// <summary>The text an import marker starts with; bodies containing it are returned whole by <see cref="ListIssueKeysAsync"/>.</summary>
    public const string ImportMarkerPrefix = "<!-- businessops:import ";

    /// <summary>
    /// Files <paramref name="issues"/> in one immediate transaction (all or none), each as its own author, and returns their
    /// numbers in order. Statements are prepared once for the whole batch and label ids are looked up once per name, so a
    /// chunk of thousands costs one fsync instead of one per issue.
    /// </summary>
    /// <exception cref="BusinessOps.Core.Ports.IssueStoreException">An issue breaks a store rule (nothing is filed), or the file is unusable.</exception>
    public Task<IReadOnlyList<int>> CreateIssuesAsync(IReadOnlyList<ImportedIssue> issues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var clean = issues.Select(ImportedIssueRules.Clean).ToList();
        return WriteAsync<IReadOnlyList<int>>(tx => Insert(tx, clean, Now()), cancellationToken);
    }

    /// <summary>Every issue's number, title and author (open and closed), with the body only where it carries an import marker.</summary>
    public Task<IReadOnlyList<IssueKey>> ListIssueKeysAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<IssueKey>>(
            tx =>
            {
                var keys = new List<IssueKey>();
                using var command = tx.Command(
                    "SELECT number, title, author, CASE WHEN instr(body, $marker) > 0 THEN body END FROM issues ORDER BY number;",
                    ("$marker", ImportMarkerPrefix));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    keys.Add(new IssueKey(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                }

                return keys;
            },
            cancellationToken);

    private static List<int> Insert(SqliteTransaction tx, List<ImportedIssue> issues, string now)
    {
        using var insertIssue = tx.Command(
            "INSERT INTO issues (title, body, state, author, created_at, updated_at) VALUES ($title, $body, 'open', $author, $now, $now) RETURNING number;",
            ("$title", string.Empty),
            ("$body", string.Empty),
            ("$author", string.Empty),
            ("$now", now));
        using var insertLabel = tx.Command(
            "INSERT INTO labels (name, color, description) VALUES ($name, $color, '') ON CONFLICT (name) DO NOTHING;",
            ("$name", string.Empty),
            ("$color", StoreLimits.DefaultLabelColor));
        using var labelId = tx.Command("SELECT id FROM labels WHERE name = $name;", ("$name", string.Empty));
        using var attach = tx.Command("INSERT OR IGNORE INTO issue_labels (issue, label) VALUES ($issue, $label);", ("$issue", 0), ("$label", 0L));
        insertIssue.Prepare();
        attach.Prepare();

        // Names compare case-insensitively (the column's collation), so the cache does too.
        var ids = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var numbers = new List<int>(issues.Count);
        foreach (var issue in issues)
        {
            insertIssue.Parameters["$title"].Value = issue.Title;
            insertIssue.Parameters["$body"].Value = issue.Body;
            insertIssue.Parameters["$author"].Value = issue.Author;
            var number = Convert.ToInt32(insertIssue.ExecuteScalar(), CultureInfo.InvariantCulture);
            numbers.Add(number);
            foreach (var name in issue.Labels)
            {
                if (!ids.TryGetValue(name, out var id))
                {
                    insertLabel.Parameters["$name"].Value = name;
                    insertLabel.ExecuteNonQuery();
                    labelId.Parameters["$name"].Value = name;
                    id = ids[name] = Convert.ToInt64(labelId.ExecuteScalar(), CultureInfo.InvariantCulture);
                }

                attach.Parameters["$issue"].Value = number;
                attach.Parameters["$label"].Value = id;
                attach.ExecuteNonQuery();
            }
        }

        return numbers;
    }
}
