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
/// SQLite: counts as aggregates, the worked issues as one narrow row each (no title, no marker, no object per issue)
/// folded into groups, and only the rows that need a person read whole. Each condition below is the calculator's rule of
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

        var (firstAction, toDone) = Worked(tx, tally, scope, p);
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
    /// The worked issues (<see cref="KpiGroup.Of"/>: <c>w</c>) and those first acted on in the period (<c>fa</c>), one narrow
    /// row each with every condition already evaluated by SQLite; folded here into groups by everything a slice or a count
    /// depends on (a hash, cheaper than SQLite sorting 100,000 rows for a GROUP BY), and the two sets of durations whose
    /// percentiles <see cref="DurationStats.Of"/> takes, as for the calculator. Costs add up as integers scale by scale
    /// (exact, as decimal addition is); a row whose cost has no integer form is read from its text.
    /// </summary>
    private static (DurationStats FirstAction, DurationStats ToDone) Worked(SqliteTransaction tx, KpiTally tally, string scope, (string, object?)[] p)
    {
        using var command = tx.Command(
            "SELECT agent, priority, clients, flags, results, failed, cost_scale, cost_units, CASE WHEN cost_units IS NULL THEN cost END, w, d, "
                + "MAX(0, MIN($lastDay, (CASE WHEN d THEN done_at ELSE COALESCE(first_action_at, created_at) END) / $tickDay - $fromDay)), "
                + "CASE WHEN first_action_at BETWEEN $from AND $to THEN MAX(0, first_action_at - created_at) END, "
                + "CASE WHEN d THEN MAX(0, done_at - created_at) END "
                + "FROM (SELECT *, w AND COALESCE(done_at BETWEEN $from AND $to, 0) AS d FROM (SELECT *, (" + InPeriod + ") AS w FROM " + FactsTable.Name + " WHERE " + scope + ")) "
                + "WHERE w OR first_action_at BETWEEN $from AND $to;",
            p);
        using var r = command.ExecuteReader();
        var groups = new Dictionary<GroupKey, (int Count, int Results, int Failed, decimal Units)>();
        var firstAction = new List<double>();
        var toDone = new List<double>();
        while (r.Read())
        {
            if (!r.IsDBNull(12))
            {
                firstAction.Add(Seconds(r.GetInt64(12)));
            }

            if (r.GetInt32(9) == 0)
            {
                continue;
            }

            if (!r.IsDBNull(13))
            {
                toDone.Add(Seconds(r.GetInt64(13)));
            }

            var key = new GroupKey(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? -1 : r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetInt32(11), r.GetInt32(10) != 0, r.GetInt32(6));
            if (!r.IsDBNull(8))
            {
                // No integer form: a group of its own, with the cost as written.
                tally.AddWorked(Group(key, 1, r.GetInt32(4), r.GetInt32(5), FactsTable.ParseCost(r.GetString(8)), FactsTable.SplitClients(key.Clients)));
                continue;
            }

            var sum = groups.GetValueOrDefault(key);
            groups[key] = (sum.Count + 1, sum.Results + r.GetInt32(4), sum.Failed + r.GetInt32(5), sum.Units + r.GetInt64(7));
        }

        var split = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, sum) in groups)
        {
            if (!split.TryGetValue(key.Clients, out var clients))
            {
                split[key.Clients] = clients = FactsTable.SplitClients(key.Clients);
            }

            tally.AddWorked(Group(key, sum.Count, sum.Results, sum.Failed, Units(sum.Units, key.Scale), clients));
        }

        return (DurationStats.Of(firstAction), DurationStats.Of(toDone));
    }

    private static KpiGroup Group(GroupKey key, int count, int results, int failed, decimal cost, IReadOnlyList<string> clients) => new(
        key.Agent,
        key.Priority < 0 ? null : (Priority)key.Priority,
        clients,
        key.Day,
        key.Done,
        (key.Flags & FactsFlags.Human) != 0,
        (key.Flags & FactsFlags.Breached) != 0,
        (key.Flags & FactsFlags.Escalated) != 0,
        count,
        results,
        failed,
        cost);

    /// <summary>A duration stored as ticks, in seconds (as <see cref="KpiCalculator.Seconds"/> reads a <see cref="TimeSpan"/>).</summary>
    private static double Seconds(long ticks) => KpiCalculator.Seconds(TimeSpan.FromTicks(ticks));

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

    /// <summary>What a group of worked issues shares; <see cref="Priority"/> −1 for none, <see cref="Clients"/> as stored.</summary>
    private readonly record struct GroupKey(string? Agent, int Priority, string Clients, int Flags, int Day, bool Done, int Scale);

    /// <summary>
    /// A sum of <c>cost_units</c> at <paramref name="scale"/> (an integer, summed as a decimal so it cannot overflow) as the
    /// decimal it stands for, that scale kept, as decimal addition keeps it.
    /// </summary>
    private static decimal Units(decimal units, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(units, bits);
        return new decimal(bits[0], bits[1], bits[2], units < 0, (byte)scale);
    }
}
