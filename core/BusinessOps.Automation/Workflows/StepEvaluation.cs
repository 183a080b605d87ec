using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Core.Governance;

namespace BusinessOps.Automation.Workflows;

/// <summary>One step's part of <see cref="WorkflowPlanner.Plan"/>: its view, and the child it asks to start (added to <c>starts</c>).</summary>
internal sealed class StepEvaluation(
    WorkflowDefinition workflow,
    WorkflowRun runState,
    WorkflowStep step,
    List<ChildObservation> children,
    IReadOnlyDictionary<string, StepView> views,
    List<(StartChild Command, bool FirstRun)> starts)
{
    public StepView Evaluate()
    {
        var current = Latest(ChildKind.Run, round: null);
        return current is null ? NotYetRun() : AfterRun(current);
    }

    private StepView NotYetRun()
    {
        var needs = step.Needs.Select(n => views.TryGetValue(n, out var v) ? v : null).ToList();
        if (needs.Any(n => n is null || n.IsStopped))
        {
            var blocker = step.Needs.First(n => !views.TryGetValue(n, out var v) || v.IsStopped);
            return View(StepPhase.NotStarted, 0, 0, $"not started: `{blocker}` did not pass");
        }

        var waiting = needs.Where(n => n!.Phase != StepPhase.Passed).Select(n => $"`{n!.Step.Id}`").ToList();
        if (waiting.Count > 0)
        {
            return View(StepPhase.Waiting, 0, 0, "waiting for " + string.Join(", ", waiting));
        }

        if (runState.CancelRequested)
        {
            return View(StepPhase.Cancelled, 0, 0, "cancelled before it started");
        }

        return StartRun(1, 1, feedback: null, firstRun: true, "starting");
    }

    private StepView AfterRun(ChildObservation run)
    {
        var (round, attempt) = (run.Key.Round, run.Key.Attempt);
        switch (run.Status)
        {
            case ChildStatus.Running:
                return View(StepPhase.Running, round, attempt, Progress(round, attempt, "running")) with { Issue = run.Issue };
            case ChildStatus.Cancelled:
                return View(StepPhase.Cancelled, round, attempt, "cancelled") with { Issue = run.Issue };
            case ChildStatus.Failed:
                return AttemptFailed(run, "failed: " + Clean(run.Error ?? "no reason given"));
        }

        if (step.OutputSchema?.Validate(run.Outputs ?? []) is { Count: > 0 } violations)
        {
            return AttemptFailed(run, "its output violates the output schema: " + Clean(string.Join("; ", violations.Take(3))));
        }

        return step.Review is { } review ? Reviewed(run, review) : Gated(run);
    }

    private StepView AttemptFailed(ChildObservation failed, string reason)
    {
        var (round, attempt) = (failed.Key.Round, failed.Key.Attempt);
        var retryAsked = runState.RetryRequests.Contains(failed.Key);
        if (!runState.CancelRequested && (attempt < step.Retry.MaxAttempts || retryAsked))
        {
            var why = retryAsked ? "retried on /retry" : string.Create(CultureInfo.InvariantCulture, $"retrying (attempt {attempt + 1} of {step.Retry.MaxAttempts})");
            return StartRun(round, attempt + 1, FeedbackFor(round), firstRun: false, $"attempt {attempt} {reason}; {why}");
        }

        var phase = step.Retry.OnFailure == FailureAction.Escalate ? StepPhase.Escalated : StepPhase.Failed;
        var after = string.Create(CultureInfo.InvariantCulture, $"attempt {attempt} of {step.Retry.MaxAttempts} {reason}");
        return View(phase, round, attempt, after) with { Issue = failed.Issue };
    }

    private StepView Reviewed(ChildObservation run, ReviewPolicy review)
    {
        var round = run.Key.Round;
        var reviewChild = Latest(ChildKind.Review, round);
        if (reviewChild is null)
        {
            if (runState.CancelRequested)
            {
                return View(StepPhase.Cancelled, round, run.Key.Attempt, "cancelled before its review") with { Issue = run.Issue };
            }

            var input = new JsonObject
            {
                ["step"] = step.Id,
                ["round"] = round,
                ["outputs"] = run.Outputs?.DeepClone() ?? new JsonObject(),
                ["criteria"] = review.Criteria,
                ["minScore"] = review.MinScore,
                ["scoreField"] = review.ScoreField,
                ["feedbackField"] = review.FeedbackField,
            };
            Start(new ChildKey(step.Id, ChildKind.Review, round, 1), input, firstRun: false);
            return View(StepPhase.InReview, round, run.Key.Attempt, ReviewProgress(round, "review starting")) with { Issue = run.Issue };
        }

        var withIssues = (StepView v) => v with { Issue = run.Issue, ReviewIssue = reviewChild.Issue };
        switch (reviewChild.Status)
        {
            case ChildStatus.Running:
                return withIssues(View(StepPhase.InReview, round, run.Key.Attempt, ReviewProgress(round, $"in review by {review.Reviewer}")));
            case ChildStatus.Failed or ChildStatus.Cancelled:
                return withIssues(View(StepPhase.Escalated, round, run.Key.Attempt, $"the review of round {round} did not complete: {Clean(reviewChild.Error ?? reviewChild.Status.ToString().ToLowerInvariant())}"));
        }

        var verdict = ReviewVerdict.Read(review, reviewChild.Outputs);
        if (verdict.Problem is { } problem)
        {
            return withIssues(View(StepPhase.Escalated, round, run.Key.Attempt, $"the review of round {round} {problem}"));
        }

        if (verdict.Passed)
        {
            return Gated(run) with { ReviewIssue = reviewChild.Issue };
        }

        if (round < review.MaxRounds && !runState.CancelRequested)
        {
            var sentBack = string.Create(CultureInfo.InvariantCulture, $"sent back after review round {round}{verdict.Describe()}; round {round + 1} of {review.MaxRounds}");
            var next = StartRun(round + 1, 1, FeedbackFor(round + 1), firstRun: false, sentBack);
            return next with { ReviewIssue = reviewChild.Issue };
        }

        var why = string.Create(CultureInfo.InvariantCulture, $"below the bar after {round} review round{(round == 1 ? string.Empty : "s")}{verdict.Describe()}");
        return withIssues(View(runState.CancelRequested ? StepPhase.Cancelled : StepPhase.Escalated, round, run.Key.Attempt, why));
    }

    private StepView Gated(ChildObservation run)
    {
        var (round, attempt) = (run.Key.Round, run.Key.Attempt);
        if (step.Gate is not { } gate)
        {
            return View(StepPhase.Passed, round, attempt, "done") with { Issue = run.Issue, Outputs = run.Outputs ?? [] };
        }

        var gateChild = Latest(ChildKind.Gate, round: null);
        if (gateChild is null)
        {
            if (runState.CancelRequested)
            {
                return View(StepPhase.Cancelled, round, attempt, "cancelled before its approval") with { Issue = run.Issue };
            }

            var input = new JsonObject { ["step"] = step.Id, ["role"] = gate.Role, ["outputs"] = run.Outputs?.DeepClone() ?? new JsonObject() };
            Start(new ChildKey(step.Id, ChildKind.Gate, 1, 1), input, firstRun: false);
            return View(StepPhase.AwaitingGate, round, attempt, $"awaiting approval by {gate.Role}") with { Issue = run.Issue };
        }

        var withIssues = (StepView v) => v with { Issue = run.Issue, GateIssue = gateChild.Issue };
        return gateChild.Status switch
        {
            ChildStatus.Running => withIssues(View(StepPhase.AwaitingGate, round, attempt, $"awaiting approval by {gate.Role}")),
            ChildStatus.Done when gateChild.Outputs?["approved"] is JsonValue v && v.TryGetValue<bool>(out var ok) && ok =>
                withIssues(View(StepPhase.Passed, round, attempt, $"approved by {gate.Role}")) with { Outputs = run.Outputs ?? [] },
            ChildStatus.Cancelled => withIssues(View(StepPhase.Cancelled, round, attempt, "its approval was cancelled")),
            _ => withIssues(View(StepPhase.Failed, round, attempt, $"not approved by {gate.Role}: {Clean(Feedback(gateChild.Outputs, "feedback") ?? gateChild.Error ?? "rejected")}")),
        };
    }

    private StepView StartRun(int round, int attempt, JsonObject? feedback, bool firstRun, string note)
    {
        var input = StepInputs.Build(step, runState.Inputs, views, out var problems);
        if (input is null)
        {
            // Deterministic: the same outputs build the same input, so retrying cannot help.
            return View(StepPhase.Failed, round, attempt, "its input cannot be built: " + Clean(string.Join("; ", problems.Take(3))));
        }

        if (feedback is not null)
        {
            input["reviewFeedback"] = feedback;
        }

        Start(new ChildKey(step.Id, ChildKind.Run, round, attempt), input, firstRun);
        return View(StepPhase.Running, round, attempt, note);
    }

    private void Start(ChildKey key, JsonObject input, bool firstRun) =>
        starts.Add((new StartChild(key, input, ChildIssues.For(workflow, runState, step, key, input)), firstRun));

    // Round r > 1 carries what the review of round r - 1 said and what it reviewed.
    private JsonObject? FeedbackFor(int round)
    {
        if (round <= 1 || step.Review is not { } review || Latest(ChildKind.Review, round - 1) is not { } reviewChild)
        {
            return null;
        }

        var reviewed = Latest(ChildKind.Run, round - 1);
        return new JsonObject
        {
            ["round"] = round - 1,
            ["reviewer"] = review.Reviewer,
            ["score"] = StepInputs.Read(reviewChild.Outputs, review.ScoreField)?.DeepClone(),
            ["feedback"] = Feedback(reviewChild.Outputs, review.FeedbackField),
            ["previousOutputs"] = reviewed?.Outputs?.DeepClone(),
        };
    }

    private static string? Feedback(JsonObject? outputs, string field) => StepInputs.Read(outputs, field) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    private ChildObservation? Latest(ChildKind kind, int? round) =>
        children.Where(c => c.Key.Kind == kind && (round is null || c.Key.Round == round))
            .OrderBy(c => c.Key.Round).ThenBy(c => c.Key.Attempt).LastOrDefault();

    private string Progress(int round, int attempt, string what) =>
        what
        + (step.Review is { } r && round > 1 ? string.Create(CultureInfo.InvariantCulture, $", round {round} of {r.MaxRounds}") : string.Empty)
        + (attempt > 1 ? string.Create(CultureInfo.InvariantCulture, $", attempt {attempt} of {step.Retry.MaxAttempts}") : string.Empty);

    private string ReviewProgress(int round, string what) =>
        step.Review is { } r ? string.Create(CultureInfo.InvariantCulture, $"{what}, round {round} of {r.MaxRounds}") : what;

    private StepView View(StepPhase phase, int round, int attempt, string note) => new(step, phase, round, attempt, note);

    private static string Clean(string text) => MarkdownSafe.Inline(text, 300);
}
