using System.Globalization;
using System.Text.Json;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// The KPI index on SQLite: one row of <see cref="IssueFacts"/> per issue. Triggers on <c>issues</c> note every issue
/// inserted, updated or deleted in <c>kpi_facts_dirty</c> as it is written (every write of this store updates its issue's
/// row), so a refresh rebuilds exactly those rows and an index already up to date costs one empty read — no comparison
/// over every issue. A cache, not part of the operational schema: created on first use, named after
/// <see cref="IssueFacts.Version"/> and <see cref="Layout"/> (a new reading or layout builds a new table), safe to drop
/// (it is rebuilt; the dirty table and its triggers stay, a few bytes per write). Times are UTC ticks.
/// </summary>
internal static class FactsTable
{
    /// <summary>Stale issues rebuilt per transaction: bounds memory and how long the write lock is held.</summary>
    public const int Chunk = 1_000;

    /// <summary>The table's own layout (columns), beside the builder's reading.</summary>
    public const int Layout = 2;

    /// <summary>Issues whose row must be rebuilt (or dropped, when the issue is gone), filled by the triggers.</summary>
    public const string Dirty = "kpi_facts_dirty";

    public static readonly string Name = string.Create(CultureInfo.InvariantCulture, $"kpi_facts_v{IssueFacts.Version}_{Layout}");

    /// <summary>Largest cost mantissa kept as an integer (<c>cost_units</c>): a sum over 9 million rows still fits 64 bits.</summary>
    private const long MaxUnits = 1_000_000_000_000;

    private const string Columns = "number, title, state, status, priority, agent, clients, created_at, updated_at, first_action_at, done_at, flags, results, failed, cost, attempt, waiting_since, dispatched_at, executor, origin, cost_day, cost_on_day, board, body_hash, cost_units, cost_scale";

    public static bool Exists(SqliteTransaction tx) =>
        tx.Scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name;", ("$name", Name)) is not null;

    public static void Ensure(SqliteTransaction tx)
    {
        if (Exists(tx))
        {
            return;
        }

        // Older readings' and layouts' tables are dropped; the names are ours (kpi_facts_v{n}[_{layout}]), never user text.
        var old = new List<string>();
        using (var list = tx.Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'kpi\\_facts\\_v%' ESCAPE '\\';"))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                old.Add(reader.GetString(0));
            }
        }

        foreach (var name in old.Where(n => n.Length < 24 && n[11..].All(c => char.IsAsciiDigit(c) || c == '_')))
        {
            tx.Execute("DROP TABLE " + name + ";");
        }

        tx.Execute("CREATE TABLE " + Name + """
             (
                number          INTEGER PRIMARY KEY,
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
                body_hash       TEXT,
                cost_units      INTEGER,
                cost_scale      INTEGER NOT NULL
            );
            """);

        // The triggers note a write in the same transaction as the write itself, whoever makes it (another process, an
        // older build): nothing changes an issue without its number landing here. NOT EXISTS rather than OR IGNORE: a
        // statement's own conflict clause would override a trigger's.
        tx.Execute("CREATE TABLE IF NOT EXISTS " + Dirty + " (number INTEGER PRIMARY KEY);");
        foreach (var (name, when, row) in new[] { ("insert", "INSERT", "NEW"), ("update", "UPDATE", "NEW"), ("delete", "DELETE", "OLD") })
        {
            tx.Execute("CREATE TRIGGER IF NOT EXISTS " + Dirty + "_" + name + " AFTER " + when + " ON issues BEGIN INSERT INTO " + Dirty + " (number) SELECT "
                + row + ".number WHERE NOT EXISTS (SELECT 1 FROM " + Dirty + " WHERE number = " + row + ".number); END;");
        }

        tx.Execute("INSERT OR IGNORE INTO " + Dirty + " (number) SELECT number FROM issues;");
    }

    /// <summary>Numbers of the issues whose row must be rebuilt, in order: those written since their row was built.</summary>
    public static List<int> Stale(SqliteTransaction tx)
    {
        var numbers = new List<int>();
        using var command = tx.Command("SELECT number FROM " + Dirty + " ORDER BY number;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return numbers;
    }

    /// <summary>
    /// Once the rows of <paramref name="numbers"/> (a JSON array) are rebuilt in this transaction: drops the rows of issues
    /// that no longer exist and clears their dirty marks. The write lock is held, so no write slipped in between.
    /// </summary>
    public static void Settle(SqliteTransaction tx, string numbers)
    {
        tx.Execute("DELETE FROM " + Name + " WHERE number IN (SELECT value FROM json_each($numbers)) AND number NOT IN (SELECT number FROM issues);", ("$numbers", numbers));
        tx.Execute("DELETE FROM " + Dirty + " WHERE number IN (SELECT value FROM json_each($numbers));", ("$numbers", numbers));
    }

    public static void Upsert(SqliteTransaction tx, IssueFacts f)
    {
        var flags = (f.SlaBreached ? FactsFlags.Breached : 0) | (f.Escalated ? FactsFlags.Escalated : 0) | (f.HumanCommand ? FactsFlags.Human : 0);
        tx.Execute(
            "INSERT OR REPLACE INTO " + Name + " (" + Columns + ") VALUES ($n, $title, $state, $status, $priority, $agent, $clients, $created, $updated, $first, $done, $flags, $results, $failed, $cost, $attempt, $waiting, $dispatched, $executor, $origin, $costDay, $costOnDay, $board, $bodyHash, $costUnits, $costScale);",
            ("$n", f.Number),
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
            ("$bodyHash", f.BodyHash),
            ("$costUnits", Units(f.CostUsd)),
            ("$costScale", (int)f.CostUsd.Scale));
    }

    public static List<IssueFacts> ReadAll(SqliteTransaction tx) => Read(tx, "1 = 1");

    /// <summary>The rows matching <paramref name="where"/> (a constant SQL condition; values as parameters), in number order.</summary>
    public static List<IssueFacts> Read(SqliteTransaction tx, string where, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var rows = new List<IssueFacts>();
        using var command = tx.Command("SELECT " + Columns + " FROM " + Name + " WHERE " + where + " ORDER BY number;", parameters);
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var flags = r.GetInt32(11);
            rows.Add(new IssueFacts(
                r.GetInt32(0),
                r.GetString(1),
                (IssueState)r.GetInt32(2),
                (IssueStatus)r.GetInt32(3),
                r.IsDBNull(4) ? null : (Priority)r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetString(5),
                SplitClients(r.GetString(6)),
                Time(r.GetInt64(7)),
                Time(r.GetInt64(8)),
                OptionalTime(r, 9),
                OptionalTime(r, 10),
                (flags & FactsFlags.Breached) != 0,
                (flags & FactsFlags.Escalated) != 0,
                (flags & FactsFlags.Human) != 0,
                r.GetInt32(12),
                r.GetInt32(13),
                ParseCost(r.GetString(14)),
                r.GetInt32(15),
                OptionalTime(r, 16),
                OptionalTime(r, 17),
                r.IsDBNull(18) ? null : (ExecutorKind)r.GetInt32(18),
                r.IsDBNull(19) ? null : r.GetString(19),
                r.IsDBNull(20) ? null : DateOnly.FromDayNumber(r.GetInt32(20)),
                ParseCost(r.GetString(21)),
                r.IsDBNull(22) ? null : JsonSerializer.Deserialize(r.GetString(22), DashboardJson.Default.DashboardState),
                r.IsDBNull(23) ? null : r.GetString(23)));
        }

        return rows;
    }

    /// <summary>The <c>clients</c> column as the row's client ids (stored joined by commas).</summary>
    public static IReadOnlyList<string> SplitClients(string clients) => clients.Length == 0 ? [] : clients.Split(',');

    public static decimal ParseCost(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>
    /// A cost as an integer of units of 10^-scale (<c>cost_units</c>, summed by SQL exactly, scale by scale), or null when
    /// its mantissa is too large or it is a negative zero: such a row's cost is read from its text instead.
    /// </summary>
    private static long? Units(decimal cost)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(cost, bits);
        var negative = bits[3] < 0;
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] != 0 || mantissa > MaxUnits || (negative && mantissa == 0))
        {
            return null;
        }

        return negative ? -(long)mantissa : (long)mantissa;
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? OptionalTime(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : Time(r.GetInt64(column));
}
