using System.Collections.Immutable;
using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The one ledger of today's spending behind the daily limits: every execution result recorded on one UTC day, over
/// every issue of the repository that holds one — open or closed. Immutable; <see cref="With(IssueSnapshot, string)"/>
/// replaces one issue's entries, so folding a fresh snapshot of an issue never counts a result twice.
/// </summary>
public sealed class SpendLedger
{
    private readonly ImmutableDictionary<int, IssueSpend> _issues;
    private readonly ImmutableDictionary<string, decimal> _byClient;

    private SpendLedger(DateTimeOffset dayStart, ImmutableDictionary<int, IssueSpend> issues, decimal total, ImmutableDictionary<string, decimal> byClient)
    {
        DayStart = dayStart;
        _issues = issues;
        Total = total;
        _byClient = byClient;
    }

    /// <summary>Start (inclusive) of the UTC day this ledger sums.</summary>
    public DateTimeOffset DayStart { get; }

    /// <summary>Spent on the day, all issues, USD.</summary>
    public decimal Total { get; }

    /// <summary>Spent on the day per client id (<c>client/acme</c> → <c>acme</c>, lower case).</summary>
    public IReadOnlyDictionary<string, decimal> ByClient => _byClient;

    /// <summary>Issues with at least one result on the day.</summary>
    public int Issues => _issues.Count;

    /// <summary>An empty ledger for <paramref name="now"/>'s UTC day.</summary>
    public static SpendLedger For(DateTimeOffset now) =>
        new(Day(now), ImmutableDictionary<int, IssueSpend>.Empty, 0m, ImmutableDictionary.Create<string, decimal>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Start (inclusive) of <paramref name="now"/>'s UTC day.</summary>
    public static DateTimeOffset Day(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>True when this ledger sums <paramref name="now"/>'s UTC day.</summary>
    public bool Covers(DateTimeOffset now) => Day(now) == DayStart;

    /// <summary>The ledger with every issue of <paramref name="issues"/> (re)read.</summary>
    public SpendLedger With(IEnumerable<IssueSnapshot> issues, string identity)
    {
        var ledger = this;
        foreach (var issue in issues)
        {
            ledger = ledger.With(issue, identity);
        }

        return ledger;
    }

    /// <summary>The ledger with <paramref name="issue"/>'s results of the day as this snapshot shows them (trusted results only).</summary>
    public SpendLedger With(IssueSnapshot issue, string identity)
    {
        var end = DayStart.AddDays(1);
        ImmutableArray<(string Key, decimal Cost)>.Builder? today = null;
        foreach (var (record, at) in IssueStateReader.Results(issue, identity))
        {
            if (record.CostUsd > 0 && at >= DayStart && at < end)
            {
                (today ??= ImmutableArray.CreateBuilder<(string, decimal)>()).Add((record.Key, record.CostUsd));
            }
        }

        var entry = today is null ? null : new IssueSpend(today.ToImmutable(), LabelView.ClientsOf(issue.Labels));
        var old = _issues.GetValueOrDefault(issue.Number);
        if (old is null && entry is null)
        {
            return this;
        }

        var total = Total - (old?.Total ?? 0m) + (entry?.Total ?? 0m);
        var byClient = Move(Move(_byClient, old, -1), entry, 1);
        var issues = entry is null ? _issues.Remove(issue.Number) : _issues.SetItem(issue.Number, entry);
        return new SpendLedger(DayStart, issues, total, byClient);
    }

    /// <summary>
    /// Today's spending other than the result <paramref name="key"/> of issue <paramref name="issue"/> — what was spent
    /// before the execution being gated; the gate adds that execution's own cost once.
    /// </summary>
    public decimal TotalExcept(int issue, string key) => Total - CostOf(issue, key);

    /// <summary>Like <see cref="TotalExcept"/>, for one client's budget.</summary>
    public decimal ClientTotalExcept(string client, int issue, string key)
    {
        var spent = ByClient.GetValueOrDefault(client);
        return _issues.GetValueOrDefault(issue) is { } entry && entry.Clients.Contains(client, StringComparer.OrdinalIgnoreCase)
            ? spent - CostOf(issue, key)
            : spent;
    }

    private decimal CostOf(int issue, string key)
    {
        var cost = 0m;
        if (_issues.GetValueOrDefault(issue) is { } entry)
        {
            foreach (var (k, c) in entry.Results)
            {
                cost += string.Equals(k, key, StringComparison.Ordinal) ? c : 0m;
            }
        }

        return cost;
    }

    private static ImmutableDictionary<string, decimal> Move(ImmutableDictionary<string, decimal> byClient, IssueSpend? entry, int sign)
    {
        if (entry is null)
        {
            return byClient;
        }

        foreach (var client in entry.Clients)
        {
            byClient = byClient.SetItem(client, byClient.GetValueOrDefault(client) + (sign * entry.Total));
        }

        return byClient;
    }

    /// <summary>One issue's results of the day and the clients it belongs to.</summary>
    private sealed record IssueSpend(ImmutableArray<(string Key, decimal Cost)> Results, IReadOnlyList<string> Clients)
    {
        public decimal Total { get; } = Results.Sum(r => r.Cost);
    }
}
