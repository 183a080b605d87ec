using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>What the fake agents print: routine, cheap, confident work (L1: executes and reports).</summary>
internal static class Answers
{
    public static AgentResult Routine(DispatchRequest request) => new()
    {
        Agent = request.Agent,
        Issue = request.Issue.Number,
        Key = request.Key,
        Outcome = AgentOutcome.Completed,
        Summary = "Done: " + request.Phase,
        Classification = Classification.Routine,
        Confidence = 0.95,
        CostUsd = 0.01m,
    };
}
