using System.Text.Json.Nodes;

namespace BusinessOps.Aws.Lambda;

/// <summary>
/// The event a P0 agent function receives. <see cref="IssueData"/> is the issue in GitHub's REST shape (what
/// <c>--issue-data</c> takes) and <see cref="Comments"/> its comments, also in REST shape; both are omitted when the event
/// would exceed Lambda's 256 KB asynchronous limit, and then <see cref="IssueRef"/> tells the agent what to fetch.
/// </summary>
public sealed record LambdaDispatchPayload
{
    public required string Key { get; init; }

    public required string Repository { get; init; }

    public required int Issue { get; init; }

    public required int Attempt { get; init; }

    public required string Phase { get; init; }

    public required string Agent { get; init; }

    public required string Priority { get; init; }

    public string? Tenant { get; init; }

    public JsonObject? IssueData { get; init; }

    public JsonArray? Comments { get; init; }

    public IssueReference? IssueRef { get; init; }
}

/// <summary>Where the agent fetches the issue itself when it did not fit in the event.</summary>
public sealed record IssueReference(string Repository, int Number);
