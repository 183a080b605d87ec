using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.TestKit.Aws;

/// <summary>Value builders for AWS executor tests.</summary>
public static class AwsSome
{
    public const string Repository = "acme/shop";

    public static IssueSnapshot Issue(int number = 42, int bodyBytes = 200, string title = "Checkout is slow") => new(
        number,
        title,
        new string('x', bodyBytes),
        IssueState.Open,
        ["operations/monitoring", "priority/P1", "client/acme"],
        "alice",
        new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
        [new IssueComment(1, "bob", "/approve", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero))]);

    public static DispatchRequest Dispatch(
        int number = 42, Priority priority = Priority.P1, string? tenant = "acme", int attempt = 1, string phase = IdempotencyKey.PlanPhase,
        string repository = Repository, int bodyBytes = 200, string agent = "ai-operations-agent") => new(
        new IdempotencyKey(repository, number, attempt, phase).ToString(),
        agent,
        repository,
        Issue(number, bodyBytes),
        attempt,
        phase,
        priority,
        tenant);
}
