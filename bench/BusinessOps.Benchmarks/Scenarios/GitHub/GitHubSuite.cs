using System.Globalization;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;

namespace BusinessOps.Benchmarks.Scenarios.GitHub;

/// <summary>
/// <c>scenarios github</c>: the request budgets of ARCHITECTURE.md §6 and issue 3, run through the real reconciler
/// against the fake GitHub on one auto-advancing clock. Prints a Markdown table (docs/benchmarks/github.md).
/// </summary>
public static class GitHubSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var issues = 10_000;
        if (args is ["--issues", var n] && (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out issues) || issues < 1))
        {
            await output.WriteLineAsync("--issues must be a positive number");
            return 2;
        }

        var table = new ScenarioTable();
        await using (var s = await GitHubScenario.StartAsync(ct))
        {
            var f = await GitHubScenarios.ColdThenIdleAsync(s, issues, ct);
            table.Add($"a. cold full pass, {issues:N0} new labelled issues", f.Cold, $"list pages ≤ ceil(N/100) = {f.ListPageBudget}: {f.Cold.Requests.IssueListPages}; {f.Cold.WritesPerIssue:0.##} writes/issue");
            foreach (var pass in f.Settle)
            {
                table.Add($"a. next pass ({pass.Name}): reads back own writes", pass, pass.Requests.Writes > 0 ? "writes: SLA labels/notes that came due while writes were paced" : "no writes: converged");
            }

            table.Add("a. idle pass over unchanged issues, same token", f.Idle, $"target cost 0 and ≤ 3 requests: cost {f.Idle.RateLimitCost}, {f.Idle.Requests.Total} requests");
            table.Add("a. idle pass over unchanged issues, new token (every Actions run)", f.IdleNewToken, $"no 304 for another token's ETags: cost {f.IdleNewToken.RateLimitCost}, {f.IdleNewToken.Requests.Total} requests, each one page asked since= the watermark");
            var b = await GitHubScenarios.NewIssuePassAsync(s, ct);
            table.Add($"b. one new issue, `run --once` (on the {issues:N0} converged issues)", b, $"target ≤ 2 reads, ≤ 2 writes: {b.Requests.Reads} reads ({b.NotModified} free), {b.Requests.Writes} writes");
        }

        await using (var s = await GitHubScenario.StartAsync(ct))
        {
            var f = await GitHubScenarios.NewIssueEventAsync(s, Math.Min(issues, 1_000), ct);
            table.Add("b. one new issue, `run --event` (issues.opened)", f, $"target ≤ 2 reads, ≤ 2 writes: {f.Requests.Reads} reads, {f.Requests.Writes} writes");
        }

        await using (var s = await GitHubScenario.StartAsync(ct))
        {
            var f = await GitHubScenarios.BurstAsync(s, 1_000, ct);
            table.Add(
                "c. 1,000 issues at once, P0–P3 shuffled (80 writes/min enforced)",
                f.Pass,
                $"secondary-limit answers {f.Pass.SecondaryLimitResponses}; last P0 dispatched #{f.LastP0 + 1}, first P3 #{f.FirstP3 + 1}; write gap ≥ {f.MinWriteGap.TotalSeconds:0.#} s, ≤ {f.MaxWritesPerMinute} writes/min, {f.MaxWritesPerHour:N0} writes in the busiest hour (GitHub: 500)");
        }

        await using (var s = await GitHubScenario.StartAsync(ct))
        {
            var f = await GitHubScenarios.ApprovalsAsync(s, issues: 100, approvers: 3, ct);
            table.Add(
                "d. 100 plans awaiting approval, /approve by 3 collaborators",
                f.Pass,
                $"permission lookups {f.Pass.Requests.PermissionReads} (one per approving author); {f.CarriedOut} approved plans carried out");
        }

        table.Write(output);
        return 0;
    }
}
