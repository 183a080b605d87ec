using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Analytics;
using BusinessOps.Agents.Architecture;
using BusinessOps.Agents.CustomerSuccess;
using BusinessOps.Agents.Development;
using BusinessOps.Agents.DevOps;
using BusinessOps.Agents.Finance;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Management;
using BusinessOps.Agents.Marketing;
using BusinessOps.Agents.Operations;
using BusinessOps.Agents.ProjectManagement;
using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Sales;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Security;
using BusinessOps.Agents.Support;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;

namespace BusinessOps.Agents.Tests;

/// <summary>Builds issues and runs agents through the public host entry point.</summary>
internal static class Agents
{
    public static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The fourteen agents, as the Lambda host (ai-agents) holds them.</summary>
    public static readonly IReadOnlyList<IAgent> All =
    [
        new ArchitectAgent(), new DeveloperAgent(), new QaAgent(), new DevOpsAgent(), new ManagerAgent(), new ProjectManagerAgent(), new MarketingAgent(),
        new SalesAgent(), new SupportAgent(), new CustomerSuccessAgent(), new AnalyticsAgent(), new FinanceAgent(), new OperationsAgent(TimeProvider.System), new SecurityAgent(),
    ];

    /// <summary>The agent named <paramref name="name"/> (short names work: <c>security</c>).</summary>
    public static IAgent Of(string name) => AgentHost.Find(All, name) ?? throw new ArgumentException("no agent " + name, nameof(name));

    public static IssueSnapshot Issue(string body, int number = 7, string title = "Test issue", IReadOnlyList<string>? labels = null, DateTimeOffset? created = null) =>
        new(number, title, body, IssueState.Open, labels ?? [], "alice", created ?? Created, created ?? Created, []);

    public static Task<AgentRun> RunAsync(string agent, string body, string phase = "plan", DispatchContext? context = null, int number = 7, string title = "Test issue") =>
        AgentHost.ProcessAsync(Of(agent), Issue(body, number, title), $"local/ops#{number}/a1/{phase}", phase, context, CancellationToken.None);

    public static JsonNode Out(this AgentRun run, string name) =>
        run.Result.Outputs[name] ?? throw new KeyNotFoundException($"output '{name}' missing; summary: {run.Result.Summary}");

    /// <summary>Any numeric output (int, long, decimal, double) as a double, the way a JSON reader would see it.</summary>
    public static double Num(this AgentRun run, string name) => double.Parse(run.Out(name).ToJsonString(), CultureInfo.InvariantCulture);

    public static string Str(this AgentRun run, string name) => run.Out(name).GetValue<string>();
}
