using BusinessOps.Coordinator.Reconcile;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Events;

namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// The request-counting scenarios of ARCHITECTURE.md §6 and issue 3, shared by the xunit tests (asserted bounds) and
/// <c>bench/BusinessOps.Benchmarks -- scenarios github</c> (printed figures).
/// </summary>
public static class GitHubScenarios
{
    /// <summary>
    /// Cold full pass over <paramref name="issues"/> freshly labelled issues, the passes until one writes nothing, an
    /// idle pass with the same token, then an idle pass with a new token (the cache folder kept, as actions/cache keeps it).
    /// </summary>
    public static async Task<ColdIdleFigures> ColdThenIdleAsync(GitHubScenario s, int issues, CancellationToken ct)
    {
        ScenarioIssues.File(s.Server, issues, i => i % 4);
        var cold = await s.PassAsync("cold", ct);
        var settle = await SettleAsync(s, ct);
        var idle = await s.PassAsync("idle", ct);
        var idleNewToken = await IdleWithNewTokenAsync(s, ct);
        return new ColdIdleFigures(issues, cold, settle, idle, idleNewToken);
    }

    /// <summary>One pass over unchanged issues with a token no earlier run used (an Actions job's own <c>GITHUB_TOKEN</c>).</summary>
    public static async Task<PassFigures> IdleWithNewTokenAsync(GitHubScenario s, CancellationToken ct)
    {
        var before = s.NewTokenPerRun;
        s.NewTokenPerRun = true;
        try
        {
            return await s.PassAsync("idle, new token", ct);
        }
        finally
        {
            s.NewTokenPerRun = before;
        }
    }

    /// <summary>Passes one after the other (no pause) until one makes no write; at most <paramref name="max"/>.</summary>
    public static async Task<IReadOnlyList<PassFigures>> SettleAsync(GitHubScenario s, CancellationToken ct, int max = 4)
    {
        var passes = new List<PassFigures>();
        do
        {
            passes.Add(await s.PassAsync("settle " + (passes.Count + 1), ct));
        }
        while (passes[^1].Requests.Writes > 0 && passes.Count < max);
        return passes;
    }

    /// <summary>From a converged state over <paramref name="existing"/> issues: one newly filed P1 issue, one pass.</summary>
    public static async Task<PassFigures> NewIssueAsync(GitHubScenario s, int existing, CancellationToken ct)
    {
        await ConvergeAsync(s, existing, ct);
        return await NewIssuePassAsync(s, ct);
    }

    /// <summary>On whatever state <paramref name="s"/> is in (converged): one newly filed P1 issue, one <c>run --once</c> pass.</summary>
    public static async Task<PassFigures> NewIssuePassAsync(GitHubScenario s, CancellationToken ct)
    {
        s.Server.SeedIssue("New vendor invoice", "### Vendor\n\nInitech", ["finance/analysis", "priority/P1"]);
        return await s.PassAsync("new issue", ct);
    }

    /// <summary><paramref name="issues"/> filed at once with shuffled priorities P0–P3; one pass.</summary>
    public static async Task<BurstFigures> BurstAsync(GitHubScenario s, int issues, CancellationToken ct)
    {
        var priorities = ScenarioIssues.ShuffledPriorities(issues);
        ScenarioIssues.File(s.Server, issues, i => priorities[i]);
        var before = s.Server.Requests.Count;
        var pass = await s.PassAsync("burst", ct);
        var writes = s.Server.Requests.Skip(before).Where(r => r.IsWrite).Select(r => r.At).ToList();
        return new BurstFigures(pass, [.. s.Executor.Dispatched.Select(d => d.Priority)], MinGap(writes), MaxIn(writes, TimeSpan.FromMinutes(1)), MaxIn(writes, TimeSpan.FromHours(1)));
    }

    /// <summary>
    /// <paramref name="issues"/> plans at the approval gate; <paramref name="approvers"/> collaborators with write each
    /// comment <c>/approve</c> on every issue (round robin, one approval per issue is enough); one pass.
    /// </summary>
    public static async Task<GovernanceFigures> ApprovalsAsync(GitHubScenario s, int issues, int approvers, CancellationToken ct)
    {
        var numbers = ScenarioIssues.File(s.Server, issues, _ => 2);
        foreach (var n in numbers)
        {
            s.Executor.NeedsApproval.Add(n);
        }

        await s.PassAsync("plan", ct);
        var awaiting = numbers.Count(n => s.Server.GetIssue(n)!.Labels.Contains("status/awaiting-approval"));
        var logins = Enumerable.Range(1, approvers).Select(i => "approver" + i).ToList();
        foreach (var login in logins)
        {
            s.Server.SetPermission(login, "write");
        }

        s.Clock.Advance(TimeSpan.FromMinutes(1));
        var comments = 0;
        for (var i = 0; i < numbers.Count; i++)
        {
            s.Server.SeedComment(numbers[i], logins[i % logins.Count], "/approve");
            comments++;
        }

        var pass = await s.PassAsync("approvals", ct);

        // The plans propose no effects, so an approved plan is carried out at once: done, with no agent run again.
        var carriedOut = numbers.Count(n => s.Server.GetIssue(n)!.Labels.Contains("status/done"));
        return new GovernanceFigures(issues, approvers, comments, pass, awaiting, carriedOut);
    }

    /// <summary>
    /// From a converged state over <paramref name="existing"/> issues: one newly filed P1 issue handled as the
    /// <c>issues.opened</c> workflow does (<c>run --event</c>: the payload's issue, completed by the store, reconciled).
    /// </summary>
    public static async Task<PassFigures> NewIssueEventAsync(GitHubScenario s, int existing, CancellationToken ct)
    {
        await ConvergeAsync(s, existing, ct);
        var number = s.Server.SeedIssue("New vendor invoice", "### Vendor\n\nInitech", ["finance/analysis", "priority/P1"]);
        var payload = await s.PayloadAsync("opened", number, "alice", ct);
        var parsed = GitHubEvents.Parse(payload, "issues");
        return await s.MeasureAsync(
            "new issue (event)",
            async (r, token) =>
            {
                var issue = await ((GitHubIssueStore)r.Store.Inner).CompleteAsync(parsed, token);
                return await r.ReconcileAsync([issue], token);
            },
            ct);
    }

    /// <summary>An event-mode run on one issue (the issue from the payload), measured.</summary>
    public static Task<PassFigures> EventAsync(GitHubScenario s, string name, BusinessOps.Core.Issues.IssueSnapshot issue, ReconcileOptions options, CancellationToken ct) =>
        s.MeasureAsync(name, (r, token) => r.ReconcileAsync([issue], token), ct, options);

    /// <summary>Files and settles <paramref name="issues"/> issues: the cold pass, then passes until one writes nothing.</summary>
    public static async Task ConvergeAsync(GitHubScenario s, int issues, CancellationToken ct)
    {
        ScenarioIssues.File(s.Server, issues, i => i % 4);
        await s.PassAsync("cold", ct);
        await SettleAsync(s, ct);
    }

    private static TimeSpan MinGap(List<DateTimeOffset> times)
    {
        var min = TimeSpan.MaxValue;
        for (var i = 1; i < times.Count; i++)
        {
            var gap = times[i] - times[i - 1];
            min = gap < min ? gap : min;
        }

        return min;
    }

    private static int MaxIn(List<DateTimeOffset> times, TimeSpan window)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }
}
