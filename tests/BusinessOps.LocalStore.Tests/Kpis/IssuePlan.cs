using System.Globalization;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using CsCheck;

namespace BusinessOps.LocalStore.Tests.Kpis;

/// <summary>
/// One random issue of a KPI store, as the coordinator and people leave it: labels (status, priority, clients, breach,
/// agent), an optional status comment with its marker, result comments, a body that a schedule or a workflow opened,
/// closed or not; times spread over the 45 days before <see cref="Now"/>. Written through the store's own API.
/// </summary>
internal sealed record IssuePlan(
    int CreatedMinutes,
    int Status,
    int Priority,
    int Clients,
    bool Breached,
    int Agent,
    int Marker,
    int Cost,
    int Audit,
    int[] Results,
    int Delay,
    bool Closed,
    int Origin)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);

    /// <summary>Costs with different scales, a zero with a scale, one too large for an integer column, a negative one.</summary>
    public static readonly decimal[] Costs = [0m, 0.10m, 0.25m, 0.020m, 1.5m, 0.00m, 12345678901234.5678m, -0.05m, 3m];

    private static readonly IssueStatus[] Statuses = Enum.GetValues<IssueStatus>();
    private static readonly string[][] ClientSets = [[], ["client/acme"], ["client/ACME"], ["client/globex"], ["client/acme", "client/globex"], ["client/Beta-1"]];
    private static readonly string[] Agents = [AgentNames.Support, AgentNames.Finance, AgentNames.Qa];

    public static Gen<IssuePlan> Gen { get; } = CsCheck.Gen.Select(
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 45 * 24 * 60], CsCheck.Gen.Int[-1, Statuses.Length - 1], CsCheck.Gen.Int[-1, 3], CsCheck.Gen.Int[0, ClientSets.Length - 1], CsCheck.Gen.Bool, CsCheck.Gen.Int[-1, Agents.Length - 1], CsCheck.Gen.Int[-1, Statuses.Length - 1]),
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, Costs.Length - 1], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 5].Array[0, 3], CsCheck.Gen.Int[-600, 3000], CsCheck.Gen.Bool, CsCheck.Gen.Int[0, 12]),
        (a, b) => new IssuePlan(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6));

    /// <summary>Files the issue and writes its history at its own times; returns its number.</summary>
    public async Task<int> WriteAsync(SqliteIssueStore store, AnyTimeClock clock, int index)
    {
        var created = Now.AddMinutes(-CreatedMinutes);
        var labels = new List<string>(ClientSets[Clients]);
        if (Status >= 0 && Statuses[Status] != IssueStatus.New)
        {
            labels.Add(LabelNames.For(Statuses[Status]));
        }

        if (Priority >= 0)
        {
            labels.Add("priority/P" + Priority.ToString(CultureInfo.InvariantCulture));
        }

        if (Breached)
        {
            labels.Add(LabelNames.SlaBreached);
        }

        if (Agent >= 0)
        {
            labels.Add(LabelNames.AgentPrefix + Agents[Agent][3..^6]);
        }

        var (title, body) = Origin switch
        {
            1 => ("Slot " + index.ToString(CultureInfo.InvariantCulture), "Scheduled\n\n<!-- businessops:automation {\"kind\":\"slot\",\"key\":\"k\"} -->"),
            2 => ("Workflow", "<!-- businessops:automation {\"kind\":\"workflow\",\"key\":\"w\"} -->"),
            3 => (DashboardSettings.DefaultTitle, "The board"),
            _ => ("Request, \"quoted\" " + index.ToString(CultureInfo.InvariantCulture), "### Details\n\nPlease."),
        };
        clock.Now = created;
        var number = (await store.CreateIssueAsync(new NewIssue(title, body, labels), CancellationToken.None)).Number;
        var at = created.AddMinutes(Delay);
        if (Marker >= 0)
        {
            clock.Now = at;
            var status = Statuses[Marker];
            var state = new OpsState
            {
                Status = status,
                Agent = Agent >= 0 ? Agents[Agent] : null,
                Attempt = Results.Length,
                CostUsd = Costs[Cost],
                WaitingSince = status is IssueStatus.AwaitingApproval or IssueStatus.AwaitingDecision && Audit % 2 == 0 ? at.AddMinutes(7) : null,
                Audit = Audit switch
                {
                    1 => [new AuditEntry(at.AddMinutes(3), "carla", "approved", "ok")],
                    2 => [new AuditEntry(at.AddMinutes(3), "coordinator", "escalated", "third failure")],
                    3 => [new AuditEntry(at.AddMinutes(3), "carla", "refused: not a manager", "no")],
                    _ => null,
                },
            };
            await store.AddCommentAsync(number, "Status\n\n" + Markers.Format(state), CancellationToken.None);
        }

        for (var i = 0; i < Results.Length; i++)
        {
            clock.Now = at.AddMinutes(30 * (i + 1));
            var outcome = (Results[i] % 3) switch { 0 => AgentOutcome.Completed, 1 => AgentOutcome.Failed, _ => AgentOutcome.NeedsApproval };
            var key = string.Create(CultureInfo.InvariantCulture, $"local/ops#{number}/a{i + 1}/plan");
            await store.AddCommentAsync(number, "Result\n\n" + Markers.Format(new ResultRecord(key, Agents[Results[i] % Agents.Length], outcome, 0.9, Costs[(Cost + Results[i]) % Costs.Length])), CancellationToken.None);
        }

        if (Closed)
        {
            clock.Now = at.AddDays(1);
            await store.SetStateAsync(number, IssueState.Closed, CancellationToken.None);
        }

        return number;
    }
}
