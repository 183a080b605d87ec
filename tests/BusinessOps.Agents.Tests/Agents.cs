using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Hosting;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Agents.Tests;

/// <summary>Builds issues and runs agents through the public host entry point.</summary>
internal static class Agents
{
    public static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static IssueSnapshot Issue(string body, int number = 7, string title = "Test issue", IReadOnlyList<string>? labels = null, DateTimeOffset? created = null) =>
        new(number, title, body, IssueState.Open, labels ?? [], "alice", created ?? Created, created ?? Created, []);

    public static Task<AgentRun> RunAsync(string agent, string body, string phase = "plan", IIssueStore? store = null, int number = 7, string title = "Test issue") =>
        AgentHost.ProcessAsync(agent, Issue(body, number, title), $"local/ops#{number}/a1/{phase}", phase, store, CancellationToken.None);

    public static JsonNode Out(this AgentRun run, string name) =>
        run.Result.Outputs[name] ?? throw new KeyNotFoundException($"output '{name}' missing; summary: {run.Result.Summary}");

    /// <summary>Any numeric output (int, long, decimal, double) as a double, the way a JSON reader would see it.</summary>
    public static double Num(this AgentRun run, string name) => double.Parse(run.Out(name).ToJsonString(), CultureInfo.InvariantCulture);

    public static string Str(this AgentRun run, string name) => run.Out(name).GetValue<string>();
}
