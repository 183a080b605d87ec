using System.Text.Json.Nodes;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>Which effects of a failed result run (issue 11): onFailure, nothing financial, only what the gate runs without a person.</summary>
public sealed class FailureReportStepTests
{
    private const string Key = "local/ops#1/a1/plan";

    private static readonly Effect Status = Effect.Create(EffectKinds.GitHubCommitStatus, "#7", new JsonObject { ["state"] = "failure", ["context"] = "ci" }, onFailure: true);

    [Fact]
    public void Apply_TransientFailureWithAReport_ExecutesTheReportUnderTheNextAttempt()
    {
        var (d, input) = Settle(Failed([Status]));

        var next = FailureReportStep.Apply(d, input, Failed([Status]), first: true);

        Assert.Equal(DispatchPhase.Execute, next.Dispatch?.Phase);
        Assert.Equal([Status], next.Dispatch!.Effects);
        Assert.Equal(2, next.Dispatch.Attempt);
        Assert.Equal((Key, EffectListHash.Of([Status])), (next.State.PlanKey, next.State.EffectsHash));
        Assert.True(ApprovedEffects.From(input.History, next.State).ReportsFailure);
    }

    [Fact]
    public void Held_FinancialEvenInFullAuto_NeverRunsFromAFailedResult()
    {
        var payment = new PaymentInstruction("Acme", 10m, "USD", new DateOnly(2026, 12, 1), "INV-1").ToEffect() with { OnFailure = true };
        var policies = PolicySet.Default with { Autonomy = PolicySet.Default.Autonomy with { Mode = AutonomyMode.FullAuto } };

        Assert.Contains("financial", FailureReportStep.Held([payment], policies), StringComparison.Ordinal);
        Assert.Null(FailureReportStep.Held([Status], policies));
    }

    [Fact]
    public void Held_ExternalKindInSemiAuto_NeedsApprovalSoNotRun()
    {
        var deploymentStatus = Effect.Create(EffectKinds.GitHubDeploymentStatus, "production", new JsonObject { ["deployment"] = "e1", ["state"] = "failure" }, onFailure: true);

        Assert.Contains("L2 in semi-auto mode", FailureReportStep.Held([deploymentStatus], PolicySet.Default), StringComparison.Ordinal);
        Assert.Null(FailureReportStep.Held([Status], PolicySet.Default));
    }

    [Fact]
    public void Held_ConnectorCannotRunItHere_SaysWhichAndWhy()
    {
        var held = FailureReportStep.Held([Status], PolicySet.Default, _ => "the local store has no pull requests");

        Assert.Equal("effect e1 cannot run here (the local store has no pull requests)", held);
    }

    [Fact]
    public void Apply_SameReportAlreadyDone_RetriesWithoutSendingItAgain()
    {
        var done = new EffectRecord(1, "local/ops#1/a2/execute/e1", EffectStatus.Done, 2, Some.Epoch, "https://example.test/status/1");
        var state = new OpsState
        {
            Key = "local/ops#1/a3/plan",
            Agent = AgentNames.Qa,
            Attempt = 3,
            Phase = DispatchPhase.Plan,
            Failures = 1,
            PlanKey = Key,
            EffectsHash = EffectListHash.Of([Status]),
            Effects = [done],
        };
        var again = Failed([Status]) with { Key = "local/ops#1/a3/plan" };
        var input = Step.Input(Step.With(Some.Issue(1, labels: ["dev/qa"]), state, ResultComment(Failed([Status]), 2), ResultComment(again, 3)), now: Some.Epoch.AddHours(1));

        var next = FailureReportStep.Apply(Step.Start(input) with { Agent = AgentNames.Qa }, input, again, first: true);

        Assert.NotEqual(DispatchPhase.Execute, next.Dispatch?.Phase);
        Assert.Equal(2, next.State.Failures);
    }

    [Fact]
    public void ResultRecordFrom_FailedResult_KeepsOnlyItsOnFailureEffects()
    {
        var plain = Effect.Create(EffectKinds.GitHubComment, "#1", new JsonObject { ["body"] = "x" });
        var result = new AgentResult { Agent = AgentNames.Qa, Issue = 1, Key = Key, Outcome = AgentOutcome.Failed, Summary = "gates failed", Effects = [plain, Status] };

        Assert.Equal([Status], ResultRecord.From(result).Effects!);
    }

    private static ResultRecord Failed(IReadOnlyList<Effect> effects) =>
        new(Key, AgentNames.Qa, AgentOutcome.Failed, 0.9, 0m, Error: "gates failed", Summary: "gates failed", PlanHash: "abcdefabcdef", Effects: effects);

    private static IssueComment ResultComment(ResultRecord record, long id) =>
        Some.Comment(id, Step.Policies.Identity, Markers.Format(record), Some.Epoch, bot: true);

    private static (Decision D, DecisionInput Input) Settle(ResultRecord result)
    {
        var state = new OpsState { Key = Key, Agent = AgentNames.Qa, Attempt = 1, Phase = DispatchPhase.Plan, SettledKey = Key };
        var input = Step.Input(Step.With(Some.Issue(1, labels: ["dev/qa"]), state, ResultComment(result, 2)));
        return (Step.Start(input) with { Agent = AgentNames.Qa, State = state }, input);
    }
}
