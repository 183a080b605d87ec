using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core;
using BusinessOps.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Coordinator.Tests.Storms;

/// <summary>
/// The fourteen real agents run in this process as the local executor runs their executables (same input, same result,
/// same exit-code rules), without the process start. Each run moves the clock on by <paramref name="runTime"/> — what a
/// run costs on the real machine — so a pass over thousands of issues lasts on the clock as long as it does for real,
/// and the thresholds it crosses (approval timeouts, SLAs, the day's spending) are crossed as they are for real.
/// </summary>
public sealed class InProcessAgents(FakeTimeProvider clock, TimeSpan runTime) : IExecutor
{
    private readonly IAgent[] _agents =
    [
        new Agents.Architecture.ArchitectAgent(), new Agents.Development.DeveloperAgent(), new Agents.Quality.QaAgent(), new Agents.DevOps.DevOpsAgent(),
        new Agents.Management.ManagerAgent(), new Agents.ProjectManagement.ProjectManagerAgent(), new Agents.Marketing.MarketingAgent(),
        new Agents.Sales.SalesAgent(), new Agents.Support.SupportAgent(), new Agents.CustomerSuccess.CustomerSuccessAgent(),
        new Agents.Analytics.AnalyticsAgent(), new Agents.Finance.FinanceAgent(), new Agents.Operations.OperationsAgent(clock), new Agents.Security.SecurityAgent(),
    ];

    private int _runs;

    public string Name => "local";

    /// <summary>Agent runs so far.</summary>
    public int Runs => Volatile.Read(ref _runs);

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _runs);
        clock.Advance(runTime);
        if (_agents.FirstOrDefault(a => a.Name == request.Agent) is not { } agent)
        {
            return DispatchOutcome.Failure(Name, $"agent executable '{request.Agent}' not found", permanent: true);
        }

        var run = await AgentHost.ProcessAsync(agent, request.Issue, request.Key, request.Phase, request.Context, cancellationToken);
        return run.ExitCode switch
        {
            ExitCodes.Ok => new DispatchOutcome(DispatchStatus.Completed, Name, Result: run.Result),
            ExitCodes.BadInput => new DispatchOutcome(DispatchStatus.Failed, Name, Result: run.Result, Error: run.Result.Summary, Permanent: true),
            _ => new DispatchOutcome(DispatchStatus.Failed, Name, Result: run.Result, Error: run.Result.Summary),
        };
    }

    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);
}
