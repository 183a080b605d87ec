using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// The reconcile pass's index on SQLite (<see cref="Core.Ports.IPassIndex"/>): one row for the last pass (fingerprint, read
/// time, last full pass, the collaborators it decided with) and one due time per open issue it decided, indexed. A cache
/// like <see cref="FactsTable"/>, not part of the operational schema: created on first use, safe to drop (the next pass
/// is then a full one). Times are UTC ticks.
/// </summary>
internal static class PassTable
{
    public static bool Exists(SqliteTransaction tx) =>
        tx.Scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reconcile_due';") is not null;

    public static void Ensure(SqliteTransaction tx) => tx.Execute(
        """
        CREATE TABLE IF NOT EXISTS reconcile_pass (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            fingerprint     TEXT NOT NULL,
            read_at         INTEGER NOT NULL,
            full_at         INTEGER NOT NULL,
            collaborators   TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS reconcile_due (
            number          INTEGER PRIMARY KEY,
            due_at          INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS reconcile_due_at ON reconcile_due (due_at);
        """);

    /// <summary>The last pass as recorded, or null.</summary>
    public static (string Fingerprint, DateTimeOffset ReadAt, DateTimeOffset FullAt, string Collaborators)? Last(SqliteTransaction tx)
    {
        using var command = tx.Command("SELECT fingerprint, read_at, full_at, collaborators FROM reconcile_pass WHERE id = 1;");
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), reader.GetString(3))
            : null;
    }

    /// <summary>Who may do what: a change of any permission may change how approvals and commands count.</summary>
    public static string Collaborators(SqliteTransaction tx) =>
        tx.Scalar("SELECT COALESCE(group_concat(login || '=' || permission, ','), '') FROM (SELECT login, permission FROM collaborators ORDER BY login);") as string ?? string.Empty;

    /// <summary>
    /// The open issues an incremental pass decides: updated at or after <paramref name="since"/>, due by <paramref name="now"/>
    /// or never given a due time, written by <paramref name="identity"/> (the automation's own), or labelled with
    /// <paramref name="labelPrefix"/> (workflow parents): their numbers, in order.
    /// </summary>
    public static string Numbers(SqliteTransaction tx, DateTimeOffset since, DateTimeOffset now, string identity, string labelPrefix)
    {
        using var command = tx.Command(
            """
            SELECT i.number FROM issues i LEFT JOIN reconcile_due d ON d.number = i.number
            WHERE i.state = 'open' AND (d.number IS NULL OR d.due_at <= $now OR i.updated_at >= $since OR i.author = $identity COLLATE NOCASE
                OR EXISTS (SELECT 1 FROM issue_labels il JOIN labels l ON l.id = il.label WHERE il.issue = i.number AND substr(l.name, 1, length($prefix)) = $prefix COLLATE NOCASE))
            ORDER BY i.number;
            """,
            ("$now", now.UtcTicks),
            ("$since", Timestamps.ToText(since)),
            ("$identity", identity),
            ("$prefix", labelPrefix));
        using var reader = command.ExecuteReader();
        var numbers = new List<string>();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
        }

        return "[" + string.Join(',', numbers) + "]";
    }

    public static void Record(SqliteTransaction tx, string fingerprint, DateTimeOffset readAt, bool full, IReadOnlyDictionary<int, DateTimeOffset> due)
    {
        Ensure(tx);
        var fullAt = full ? readAt : Last(tx)?.FullAt ?? readAt;
        if (full)
        {
            tx.Execute("DELETE FROM reconcile_due;");
        }

        using (var upsert = tx.Command("INSERT OR REPLACE INTO reconcile_due (number, due_at) VALUES ($n, $due);", ("$n", 0), ("$due", 0L)))
        {
            foreach (var (number, at) in due)
            {
                upsert.Parameters["$n"].Value = number;
                upsert.Parameters["$due"].Value = at.UtcTicks;
                upsert.ExecuteNonQuery();
            }
        }

        tx.Execute(
            "INSERT OR REPLACE INTO reconcile_pass (id, fingerprint, read_at, full_at, collaborators) VALUES (1, $fingerprint, $read, $full, $collaborators);",
            ("$fingerprint", fingerprint),
            ("$read", readAt.UtcTicks),
            ("$full", fullAt.UtcTicks),
            ("$collaborators", Collaborators(tx)));
    }
}
