using System.Globalization;
using System.Text;
using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.GitHub;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios workflow</c>: what a workflow of N steps costs on GitHub (issue 12). A chain of N agent steps is started
/// (<c>coordinator workflow start</c>) and run to completion by full passes with the automation step, against the fake
/// GitHub; every step completes at once. Prints the requests by kind, and what the automation read beyond the pass.
/// </summary>
public static class WorkflowSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync("| steps | passes | requests | writes | writes per step | issue-list pages | other reads (issue, comments, permission, other) |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|");
        foreach (var steps in args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)) : [4, 8, 16])
        {
            await RunOneAsync(steps, output, ct);
        }

        return 0;
    }

    private static async Task RunOneAsync(int steps, TextWriter output, CancellationToken ct)
    {
        var yaml = new StringBuilder("title: Chain\nsteps:\n");
        for (var i = 1; i <= steps; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: s{i}\n    agent: analytics\n    labels: [analytics/reporting]\n");
            if (i > 1)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    needs: [s{i - 1}]\n");
            }
        }

        var policies = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["workflows/chain.yml"] = yaml.ToString() }).Policies!;
        await using var s = await GitHubScenario.StartAsync(ct);
        s.Executor.CompleteAll = true;
        var step = new AutomationStep(policies, s.Clock, Log.Quiet);
        s.Automation = step;
        var before = s.Server.Requests.Count;
        int parent;
        using (var store = new GitHubIssueStore(s.Options(), s.Clock))
        {
            var start = WorkflowStarter.Start(policies.Workflows["chain"], [], null, "bench");
            parent = (await step.StartWorkflowAsync(store, start.Parent!, ct)).Number;
        }

        // Until a pass writes nothing: the run is complete and converged (the last, idle pass is counted too).
        var passes = 0;
        while (passes < steps * 3 + 5)
        {
            passes++;
            if ((await s.PassAsync("pass " + passes, ct)).CoordinatorWrites == 0)
            {
                break;
            }
        }

        var r = RequestBreakdown.Of([.. s.Server.Requests.Skip(before)]);
        using (var store = new GitHubIssueStore(s.Options(), s.Clock))
        {
            var state = (await store.GetIssueAsync(parent, ct))?.State;
            if (state != Core.Issues.IssueState.Closed)
            {
                throw new InvalidOperationException($"the {steps}-step workflow did not complete in {passes} passes");
            }
        }

        var other = r.IssueReads + r.CommentReads + r.PermissionReads + r.OtherReads + r.RepoCommentPages;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {steps} | {passes} | {r.Total} | {r.Writes} | {(double)r.Writes / steps:0.#} | {r.IssueListPages} | {other} ({r.IssueReads}, {r.CommentReads}, {r.PermissionReads}, {r.OtherReads + r.RepoCommentPages}) |"));
    }
}
