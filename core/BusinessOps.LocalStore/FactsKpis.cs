using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// <see cref="KpiCalculator"/>'s answer computed over the KPI index (issue 15, item 5) with the conditions evaluated by
/// SQLite: counts and the worked issues' groups as aggregates (a few thousand rows for 100,000 issues), the percentiles as
/// the two ranked values, and only the rows that need a person read whole. Each condition below is the calculator's rule of
/// the same name written over the columns; <see cref="KpiTally"/> does the rest, as for the calculator. The equality is
/// tested on randomized stores (FactsKpisPropertyTests).
/// </summary>
internal static class FactsKpis
{
    /// <summary>Issues of the query: not the dashboard; the client's when limited (<c>$clients</c>: the exact <c>clients</c> values that name it).</summary>
    private const string Scope = "(origin IS NULL OR origin <> $dashboard)";

    private const string ForClient = " AND clients IN (SELECT value FROM json_each($clients))";

    /// <summary><see cref="KpiCalculator.InPeriod"/>: processed, first acted on by the end, finished (or going) at or after the start.</summary>
    private const string InPeriod = "(status <> $new OR first_action_at IS NOT NULL) AND COALESCE(first_action_at, created_at) <= $to AND COALESCE(done_at, CASE WHEN state = $open THEN $to ELSE updated_at END) >= $from";

    /// <summary>Open, with a status that needs a person or breached: a superset <see cref="KpiTally.AddAttention"/> narrows.</summary>
    private static readonly string NeedsPerson = string.Create(
        CultureInfo.InvariantCulture,
        $" AND state = $open AND (status IN ({(int)IssueStatus.AwaitingApproval}, {(int)IssueStatus.AwaitingDecision}, {(int)IssueStatus.Escalated}, {(int)IssueStatus.NeedsTriage}) OR (flags & {FactsFlags.Breached}) <> 0)");

    public static KpiSnapshot Compute(SqliteTransaction tx, KpiQuery query)
    {
        var period = query.Period;
        var scope = Scope;
        string? clients = null;
        if (query.Client is { } client)
        {
            clients = JsonArray(DistinctClients(tx).Where(c => IssueFacts.Includes(FactsTable.SplitClients(c), client)));
            scope += ForClient;
        }

        (string, object?)[] p =
        [
            ("$dashboard", DashboardMarker.Origin),
            ("$clients", clients),
            ("$from", period.From.UtcTicks),
            ("$to", period.To.UtcTicks),
            ("$new", (int)IssueStatus.New),
            ("$done", (int)IssueStatus.Done),
            ("$open", (int)IssueState.Open),
            ("$slot", AutomationOrigin.Slot),
            ("$workflow", AutomationOrigin.Workflow),
            ("$fromDay", period.From.UtcTicks / TimeSpan.TicksPerDay),
            ("$lastDay", period.Days - 1),
            ("$tickDay", TimeSpan.TicksPerDay),
        ];
        var tally = new KpiTally(query);
        Counts(tx, tally, scope, p);
        foreach (var facts in FactsTable.Read(tx, scope + NeedsPerson, p))
        {
            tally.AddAttention(facts);
        }

        Groups(tx, tally, scope, p);
        var firstAction = Durations(tx, "first_action_at", scope + " AND first_action_at BETWEEN $from AND $to", p);
        var toDone = Durations(tx, "done_at", scope + " AND " + InPeriod + " AND done_at BETWEEN $from AND $to", p);
        return tally.ToSnapshot(firstAction, toDone);
    }

    /// <summary>Every client id the index names (the dashboard's too, as <c>KpiSource.Clients</c> over the rows), sorted.</summary>
    public static IReadOnlyList<string> Clients(SqliteTransaction tx) =>
        [.. DistinctClients(tx).SelectMany(FactsTable.SplitClients).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    private static List<string> DistinctClients(SqliteTransaction tx)
    {
        var values = new List<string>();
        using var command = tx.Command("SELECT DISTINCT clients FROM " + FactsTable.Name + " WHERE clients <> '';");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            values.Add(r.GetString(0));
        }

        return values;
    }

    /// <summary>Issues of the query, and <see cref="KpiCalculator.IsScheduled"/> ones with how many are done.</summary>
    private static void Counts(SqliteTransaction tx, KpiTally tally, string scope, (string, object?)[] p)
    {
        using var command = tx.Command(
            "SELECT COUNT(*), COALESCE(SUM(s), 0), COALESCE(SUM(s AND status = $done), 0) FROM (SELECT status, origin IN ($slot, $workflow) AND created_at BETWEEN $from AND $to AS s FROM "
                + FactsTable.Name + " WHERE " + scope + ");",
            p);
        using var r = command.ExecuteReader();
        r.Read();
        tally.AddIssues(r.GetInt32(0));
        tally.AddScheduled(r.GetInt32(1), r.GetInt32(2));
    }

    /// <summary>
    /// The worked issues (<see cref="KpiGroup.Of"/>) grouped by everything a slice or a count depends on, by SQLite: a few
    /// thousand rows come back for 100,000 issues. Costs add up as integers scale by scale (exact, as decimal addition is);
    /// a row whose cost has no integer form is a group of its own, its cost read from its text.
    /// </summary>
    private static void Groups(SqliteTransaction tx, KpiTally tally, string scope, (string, object?)[] p)
    {
        using var command = tx.Command(
            "SELECT agent, priority, clients, MAX(0, MIN($lastDay, anchor / $tickDay - $fromDay)) AS day, d, flags, COUNT(*), SUM(results), SUM(failed), cost_scale, SUM(cost_units), MIN(odd) FROM ("
                + "SELECT agent, priority, clients, flags, results, failed, cost_scale, cost_units, "
                + "COALESCE(done_at BETWEEN $from AND $to, 0) AS d, "
                + "CASE WHEN done_at BETWEEN $from AND $to THEN done_at ELSE COALESCE(first_action_at, created_at) END AS anchor, "
                + "CASE WHEN cost_units IS NULL THEN cost END AS odd, "
                + "CASE WHEN cost_units IS NULL THEN number END AS single "
                + "FROM " + FactsTable.Name + " WHERE " + scope + " AND " + InPeriod
                + ") GROUP BY agent, priority, clients, day, d, flags, cost_scale, single;",
            p);
        using var r = command.ExecuteReader();
        var split = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        while (r.Read())
        {
            var text = r.GetString(2);
            if (!split.TryGetValue(text, out var clients))
            {
                split[text] = clients = FactsTable.SplitClients(text);
            }

            var flags = r.GetInt32(5);
            var cost = r.IsDBNull(11) ? Units(r.GetInt64(10), r.GetInt32(9)) : FactsTable.ParseCost(r.GetString(11));
            tally.AddWorked(new KpiGroup(
                r.IsDBNull(0) ? null : r.GetString(0),
                r.IsDBNull(1) ? null : (Priority)r.GetInt32(1),
                clients,
                r.GetInt32(3),
                r.GetInt32(4) != 0,
                (flags & FactsFlags.Human) != 0,
                (flags & FactsFlags.Breached) != 0,
                (flags & FactsFlags.Escalated) != 0,
                r.GetInt32(6),
                r.GetInt32(7),
                r.GetInt32(8),
                cost));
        }
    }

    /// <summary>
    /// The p50 and p95 of <c><paramref name="column"/> − created_at</c> (never negative) over <paramref name="where"/>:
    /// SQLite sorts and returns the two values at <see cref="DurationStats.Ranks"/>.
    /// </summary>
    private static DurationStats Durations(SqliteTransaction tx, string column, string where, (string, object?)[] p)
    {
        var count = Convert.ToInt32(tx.Scalar("SELECT COUNT(*) FROM " + FactsTable.Name + " WHERE " + where + ";", p), CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return DurationStats.Empty;
        }

        var (p50, p95) = DurationStats.Ranks(count);
        using var command = tx.Command(
            "SELECT rn, v FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM (SELECT MAX(0, " + column + " - created_at) AS v FROM " + FactsTable.Name + " WHERE " + where
                + ")) WHERE rn IN ($p50, $p95);",
            [.. p, ("$p50", p50), ("$p95", p95)]);
        using var r = command.ExecuteReader();
        double v50 = 0, v95 = 0;
        while (r.Read())
        {
            var seconds = KpiCalculator.Seconds(TimeSpan.FromTicks(r.GetInt64(1)));
            var rank = r.GetInt32(0);
            v50 = rank == p50 ? seconds : v50;
            v95 = rank == p95 ? seconds : v95;
        }

        return DurationStats.Ranked(count, v50, v95);
    }

    /// <summary>Values as a JSON array of strings, for <c>json_each</c> (the values are stored text: escaped by the writer).</summary>
    private static string JsonArray(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A sum of <c>cost_units</c> at <paramref name="scale"/> as the decimal it stands for (that scale kept, as decimal addition keeps it).</summary>
    private static decimal Units(long units, int scale)
    {
        var magnitude = (ulong)Math.Abs(units);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, (byte)scale);
    }
}
