using System.Collections.Concurrent;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// A cloud-like executor: records the order of dispatches and answers <see cref="DispatchStatus.Submitted"/> with an
/// external id, so dispatches stay in progress (no reports). <see cref="NeedsApproval"/> issues instead complete at once
/// with a plan that needs a human approval (to put issues at the approval gate).
/// </summary>
public sealed class RecordingExecutor : IExecutor
{
    private readonly ConcurrentQueue<DispatchRequest> _dispatched = new();

    public string Name => "batch";

    /// <summary>Issue numbers whose plan run completes with <see cref="AgentOutcome.NeedsApproval"/>.</summary>
    public ISet<int> NeedsApproval { get; } = new HashSet<int>();

    /// <summary>True: every run completes at once with <c>{"ok": true}</c> as outputs (a workflow's steps, for the automation figures).</summary>
    public bool CompleteAll { get; set; }

    /// <summary>The outputs of every run <see cref="CompleteAll"/> completes; null: <c>{"ok": true}</c>.</summary>
    public System.Text.Json.Nodes.JsonObject? Outputs { get; set; }

    /// <summary>Every dispatch, in the order the coordinator started them.</summary>
    public IReadOnlyList<DispatchRequest> Dispatched => [.. _dispatched];

    public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        _dispatched.Enqueue(request);
        if (NeedsApproval.Contains(request.Issue.Number) && request.Phase == IdempotencyKey.PlanPhase)
        {
            var result = new AgentResult
            {
                Agent = request.Agent,
                Issue = request.Issue.Number,
                Key = request.Key,
                Outcome = AgentOutcome.NeedsApproval,
                Summary = "Plan ready; needs approval.",
                Plan = "1. Do the thing.",
                Confidence = 0.9,
            };
            return Task.FromResult(new DispatchOutcome(DispatchStatus.Completed, Name, Result: result));
        }

        if (CompleteAll)
        {
            var done = new AgentResult
            {
                Agent = request.Agent,
                Issue = request.Issue.Number,
                Key = request.Key,
                Outcome = AgentOutcome.Completed,
                Summary = "Done.",
                Confidence = 0.9,
                Outputs = (System.Text.Json.Nodes.JsonObject?)Outputs?.DeepClone() ?? new System.Text.Json.Nodes.JsonObject { ["ok"] = true },
            };
            return Task.FromResult(new DispatchOutcome(DispatchStatus.Completed, Name, Result: done));
        }

        return Task.FromResult(new DispatchOutcome(DispatchStatus.Submitted, Name, ExternalId: "job-" + request.Issue.Number + "-" + request.Attempt));
    }

    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);
}
