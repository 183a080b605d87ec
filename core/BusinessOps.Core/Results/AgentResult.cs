using System.Text.Json.Nodes;

namespace BusinessOps.Core.Results;

/// <summary>
/// The one JSON document an agent prints on stdout (ARCHITECTURE.md §3, agent contract).
/// Serialize with <see cref="State.CoreJson"/> so enum spellings match the contract.
/// </summary>
public sealed record AgentResult
{
    public required string Agent { get; init; }

    public required int Issue { get; init; }

    /// <summary>The idempotency key <c>{owner}/{repo}#{issue}/a{attempt}/{phase}</c>.</summary>
    public required string Key { get; init; }

    public required AgentOutcome Outcome { get; init; }

    /// <summary>One or two sentences for the status comment.</summary>
    public required string Summary { get; init; }

    /// <summary>Markdown: what the agent proposes (plan phase) or did (execute phase).</summary>
    public string? Plan { get; init; }

    /// <summary>Short imperative lines of what was or will be done.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The agent's typed findings (scores, tables, …); shape per agent.</summary>
    public JsonObject Outputs { get; init; } = [];

    public Classification? Classification { get; init; }

    /// <summary>0..1.</summary>
    public double Confidence { get; init; }

    public decimal CostUsd { get; init; }

    /// <summary>For <see cref="AgentOutcome.Failed"/>: true when retrying cannot help (bad input, exit 2).</summary>
    public bool Permanent { get; init; }
}
