using System.Globalization;
using System.Text.Json;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// The KPI index on SQLite: one row of <see cref="IssueFacts"/> per issue, stamped with the issue's <c>updated_at</c>
/// when built, so a refresh rebuilds only the issues that changed since (every write of this store moves
/// <c>updated_at</c>). A cache, not part of the operational schema: created on first use, named after
/// <see cref="IssueFacts.Version"/> (a new reading builds a new table), safe to drop. Times are UTC ticks.
/// </summary>
internal static class FactsTable
{
    /// <summary>Stale issues rebuilt per transaction: bounds memory and how long the write lock is held.</summary>
    public const int Chunk = 1_000;

    public static readonly string Name = string.Create(CultureInfo.InvariantCulture, $"kpi_facts_v{IssueFacts.Version}");

    private const string Columns = "number, stamp, title, state, status, priority, agent, clients, created_at, updated_at, first_action_at, done_at, flags, results, failed, cost, attempt, waiting_since, dispatched_at, executor, origin, cost_day, cost_on_day, board, body_hash";

    private const int Breached = 1;
    private const int Escalated = 2;
    private const int Human = 4;

    public static bool Exists(SqliteTransaction tx) =>
        tx.Scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name;", ("$name", Name)) is not null;

    public static void Ensure(SqliteTransaction tx)
    {
        if (Exists(tx))
        {
            return;
        }

        // Older readings' tables are dropped; the names are ours (kpi_facts_v{n}), never user text.
        var old = new List<string>();
        using (var list = tx.Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'kpi\\_facts\\_v%' ESCAPE '\\';"))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                old.Add(reader.GetString(0));
            }
        }

        foreach (var name in old.Where(n => n.Length < 20 && n[11..].All(char.IsAsciiDigit)))
        {
            tx.Execute("DROP TABLE " + name + ";");
        }

        tx.Execute("CREATE TABLE " + Name + """
             (
                number          INTEGER PRIMARY KEY,
                stamp           TEXT NOT NULL,
                title           TEXT NOT NULL,
                state           INTEGER NOT NULL,
                status          INTEGER NOT NULL,
                priority        INTEGER,
                agent           TEXT,
                clients         TEXT NOT NULL,
                created_at      INTEGER NOT NULL,
                updated_at      INTEGER NOT NULL,
                first_action_at INTEGER,
                done_at         INTEGER,
                flags           INTEGER NOT NULL,
                results         INTEGER NOT NULL,
                failed          INTEGER NOT NULL,
                cost            TEXT NOT NULL,
                attempt         INTEGER NOT NULL,
                waiting_since   INTEGER,
                dispatched_at   INTEGER,
                executor        INTEGER,
                origin          TEXT,
                cost_day        INTEGER,
                cost_on_day     TEXT NOT NULL,
                board           TEXT,
                body_hash       TEXT
            );
            """);
    }

    /// <summary>Numbers of the issues whose row is missing or older than the issue, in order.</summary>
    public static List<int> Stale(SqliteTransaction tx)
    {
        var numbers = new List<int>();
        using var command = tx.Command("SELECT i.number FROM issues i LEFT JOIN " + Name + " f ON f.number = i.number WHERE f.number IS NULL OR f.stamp <> i.updated_at ORDER BY i.number;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return numbers;
    }

    /// <summary>The stamps (<c>updated_at</c> as stored) of <paramref name="where"/>'s issues, read in the same transaction as their snapshots.</summary>
    public static Dictionary<int, string> Stamps(SqliteTransaction tx, string where, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var stamps = new Dictionary<int, string>();
        using var command = tx.Command("SELECT i.number, i.updated_at FROM issues i WHERE " + where + ";", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stamps[reader.GetInt32(0)] = reader.GetString(1);
        }

        return stamps;
    }

    public static void Upsert(SqliteTransaction tx, IssueFacts f, string stamp)
    {
        var flags = (f.SlaBreached ? Breached : 0) | (f.Escalated ? Escalated : 0) | (f.HumanCommand ? Human : 0);
        tx.Execute(
            "INSERT OR REPLACE INTO " + Name + " (" + Columns + ") VALUES ($n, $stamp, $title, $state, $status, $priority, $agent, $clients, $created, $updated, $first, $done, $flags, $results, $failed, $cost, $attempt, $waiting, $dispatched, $executor, $origin, $costDay, $costOnDay, $board, $bodyHash);",
            ("$n", f.Number),
            ("$stamp", stamp),
            ("$title", f.Title),
            ("$state", (int)f.State),
            ("$status", (int)f.Status),
            ("$priority", f.Priority is { } p ? (int)p : null),
            ("$agent", f.Agent),
            ("$clients", string.Join(',', f.Clients)),
            ("$created", f.CreatedAt.UtcTicks),
            ("$updated", f.UpdatedAt.UtcTicks),
            ("$first", f.FirstActionAt?.UtcTicks),
            ("$done", f.DoneAt?.UtcTicks),
            ("$flags", flags),
            ("$results", f.Results),
            ("$failed", f.FailedResults),
            ("$cost", f.CostUsd.ToString(CultureInfo.InvariantCulture)),
            ("$attempt", f.Attempt),
            ("$waiting", f.WaitingSince?.UtcTicks),
            ("$dispatched", f.DispatchedAt?.UtcTicks),
            ("$executor", f.Executor is { } e ? (int)e : null),
            ("$origin", f.Origin),
            ("$costDay", f.CostDay?.DayNumber),
            ("$costOnDay", f.CostOnDay.ToString(CultureInfo.InvariantCulture)),
            ("$board", f.Board is null ? null : JsonSerializer.Serialize(f.Board, DashboardJson.Default.DashboardState)),
            ("$bodyHash", f.BodyHash));
    }

    /// <summary>Rows of issues that no longer exist are dropped.</summary>
    public static int Prune(SqliteTransaction tx) =>
        tx.Execute("DELETE FROM " + Name + " WHERE number NOT IN (SELECT number FROM issues);");

    public static List<IssueFacts> ReadAll(SqliteTransaction tx)
    {
        var rows = new List<IssueFacts>();
        using var command = tx.Command("SELECT " + Columns + " FROM " + Name + " ORDER BY number;");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var flags = r.GetInt32(12);
            var clients = r.GetString(7);
            rows.Add(new IssueFacts(
                r.GetInt32(0),
                r.GetString(2),
                (IssueState)r.GetInt32(3),
                (IssueStatus)r.GetInt32(4),
                r.IsDBNull(5) ? null : (Priority)r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetString(6),
                clients.Length == 0 ? [] : clients.Split(','),
                Time(r.GetInt64(8)),
                Time(r.GetInt64(9)),
                OptionalTime(r, 10),
                OptionalTime(r, 11),
                (flags & Breached) != 0,
                (flags & Escalated) != 0,
                (flags & Human) != 0,
                r.GetInt32(13),
                r.GetInt32(14),
                decimal.Parse(r.GetString(15), NumberStyles.Number, CultureInfo.InvariantCulture),
                r.GetInt32(16),
                OptionalTime(r, 17),
                OptionalTime(r, 18),
                r.IsDBNull(19) ? null : (ExecutorKind)r.GetInt32(19),
                r.IsDBNull(20) ? null : r.GetString(20),
                r.IsDBNull(21) ? null : DateOnly.FromDayNumber(r.GetInt32(21)),
                decimal.Parse(r.GetString(22), NumberStyles.Number, CultureInfo.InvariantCulture),
                r.IsDBNull(23) ? null : JsonSerializer.Deserialize(r.GetString(23), DashboardJson.Default.DashboardState),
                r.IsDBNull(24) ? null : r.GetString(24)));
        }

        return rows;
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? OptionalTime(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : Time(r.GetInt64(column));
}
