using System.Globalization;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios batch-sets</c>: a burst of <c>--issues</c> (default 100) queued issues of one agent and client to the fake
/// Batch, one job per issue against sets of <c>--max-issues</c> (default 10), each issue's run <c>--per-issue-seconds</c>
/// (default 3); Fargate cost per issue estimated from the jobs' vCPU, memory and run time.
/// </summary>
internal static class BatchSetsSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var issues = AwsSuite.Option(args, "--issues", 100);
        var maxIssues = AwsSuite.Option(args, "--max-issues", 10);
        var perIssue = TimeSpan.FromSeconds(AwsSuite.Option(args, "--per-issue-seconds", 3));
        var r = await BatchSetsScenario.MeasureAsync(issues, maxIssues, perIssue, ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Issues} queued P2 issues, one agent and client, {perIssue.TotalSeconds:0} s per agent run | one job per issue | sets of {r.MaxIssues} |"));
        output.WriteLine("|---|---|---|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Fargate tasks started | {r.OnePerIssue.Jobs} | {r.Sets.Jobs} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| AWS requests to dispatch the burst | {r.OnePerIssue.AwsCalls} | {r.Sets.AwsCalls} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| dispatch time (loopback fake) | {r.OnePerIssue.Dispatch.TotalMilliseconds:0} ms | {r.Sets.Dispatch.TotalMilliseconds:0} ms |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| estimated Fargate cost, whole burst | ${r.OnePerIssue.Cost.TotalUsd:0.0000} | ${r.Sets.Cost.TotalUsd:0.0000} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| estimated cost per issue | ${r.OnePerIssue.Cost.PerIssueUsd:0.000000} | ${r.Sets.Cost.PerIssueUsd:0.000000} ({r.OnePerIssue.Cost.PerIssueUsd / r.Sets.Cost.PerIssueUsd:0.0}× less) |"));
        return 0;
    }
}
