using System.Globalization;
using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>Repository labels and the labels on issues. Names compare case-insensitively, as on GitHub.</summary>
public sealed partial class SqliteIssueStore
{
    /// <inheritdoc />
    public Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
    {
        var toAdd = InputGuard.Labels(add);
        var toRemove = InputGuard.Labels(remove);
        return WriteAsync(tx => ChangeLabels(tx, number, toAdd, toRemove), cancellationToken);
    }

    /// <summary>Remove first, then add (a label in both ends up present), touching only what changes; returns how many changed.</summary>
    private int ChangeLabels(SqliteTransaction tx, int number, IReadOnlyCollection<string> toAdd, IReadOnlyCollection<string> toRemove)
    {
        RequireIssue(tx, number);
        var current = CurrentLabels(tx, number);
        var removed = current.Where(c => toRemove.Contains(c.Name, StringComparer.OrdinalIgnoreCase) && !toAdd.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var added = toAdd.Where(a => !current.Any(c => string.Equals(c.Name, a, StringComparison.OrdinalIgnoreCase))).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return 0;
        }

        InputGuard.LabelCount(current.Count - removed.Count + added.Count);
        foreach (var (id, _) in removed)
        {
            tx.Execute("DELETE FROM issue_labels WHERE issue = $issue AND label = $label;", ("$issue", number), ("$label", id));
        }

        foreach (var name in added)
        {
            AttachLabel(tx, number, name);
        }

        TouchIssue(tx, number, Now());
        return removed.Count + added.Count;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<LabelDefinition>>(
            tx =>
            {
                var labels = new List<LabelDefinition>();
                using var command = tx.Command("SELECT name, color, description FROM labels ORDER BY name;");
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    labels.Add(new LabelDefinition(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }

                return labels;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        var name = InputGuard.LabelName(label.Name);
        var color = InputGuard.Color(label.Color);
        var description = InputGuard.Description(label.Description);
        return WriteAsync(
            tx => tx.Execute(
                """
                INSERT INTO labels (name, color, description) VALUES ($name, $color, $description)
                ON CONFLICT (name) DO UPDATE SET name = excluded.name, color = excluded.color, description = excluded.description
                WHERE labels.name <> excluded.name COLLATE BINARY OR labels.color <> excluded.color OR labels.description <> excluded.description;
                """,
                ("$name", name),
                ("$color", color),
                ("$description", description)),
            cancellationToken);
    }

    /// <summary>Puts an existing repository label (any casing) on the issue, creating the label with the default colour if it is new.</summary>
    private static void AttachLabel(SqliteTransaction transaction, int number, string name)
    {
        transaction.Execute(
            "INSERT INTO labels (name, color, description) VALUES ($name, $color, '') ON CONFLICT (name) DO NOTHING;",
            ("$name", name),
            ("$color", StoreLimits.DefaultLabelColor));
        var id = Convert.ToInt64(transaction.Scalar("SELECT id FROM labels WHERE name = $name;", ("$name", name)), CultureInfo.InvariantCulture);
        transaction.Execute("INSERT OR IGNORE INTO issue_labels (issue, label) VALUES ($issue, $label);", ("$issue", number), ("$label", id));
    }

    private static List<(long Id, string Name)> CurrentLabels(SqliteTransaction transaction, int number)
    {
        var labels = new List<(long Id, string Name)>();
        using var command = transaction.Command(
            "SELECT l.id, l.name FROM issue_labels il JOIN labels l ON l.id = il.label WHERE il.issue = $issue ORDER BY il.id;",
            ("$issue", number));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            labels.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return labels;
    }
}
