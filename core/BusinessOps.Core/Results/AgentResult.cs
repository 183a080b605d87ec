using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;

namespace BusinessOps.Core.Results;

/// <summary>
/// The one JSON document an agent prints on stdout (ARCHITECTURE.md §3, agent contract).
/// Serialize with <see cref="State.CoreJson"/> so enum spellings match the contract. Agents are untrusted: a text or list the
/// JSON leaves out or sets to null reads as empty, never null (an agent's result without <c>outputs</c> crashed the pass;
/// found by the fault harness, issue 9).
/// </summary>
public sealed record AgentResult
{
    // Optional in the contract: the source-generated reader passes null for an absent property, which means none
    // (an agent that leaves one out must not crash the coordinator that posts its result).
    private readonly IReadOnlyList<string> _actions = [];
    private readonly JsonObject _outputs = [];
    private readonly IReadOnlyList<Effect> _effects = [];

    public required string Agent { get; init => field = value ?? string.Empty; }

    public required int Issue { get; init; }

    /// <summary>The idempotency key <c>{owner}/{repo}#{issue}/a{attempt}/{phase}</c>.</summary>
    public required string Key { get; init => field = value ?? string.Empty; }

    public required AgentOutcome Outcome { get; init; }

    /// <summary>One or two sentences for the status comment.</summary>
    public required string Summary { get; init => field = value ?? string.Empty; }

    /// <summary>Markdown: what the agent proposes (plan phase) or did (execute phase).</summary>
    public string? Plan { get; init; }

    /// <summary>Short imperative lines of what was or will be done.</summary>
    public IReadOnlyList<string> Actions
    {
        get => _actions;
        init => _actions = value ?? [];
    }

    /// <summary>
    /// What the plan does to the world once approved, in order (build them with <see cref="Effect.Create"/> or
    /// <see cref="PaymentInstruction.ToEffect"/>). The plan hash covers them; the coordinator performs exactly these
    /// after approval, through its connectors — the agent itself never acts.
    /// </summary>
    public IReadOnlyList<Effect> Effects
    {
        get => _effects;
        init => _effects = value ?? [];
    }

    /// <summary>The agent's typed findings (scores, tables, …); shape per agent.</summary>
    public JsonObject Outputs
    {
        get => _outputs;
        init => _outputs = value ?? [];
    }

    public Classification? Classification { get; init; }

    /// <summary>0..1.</summary>
    public double Confidence { get; init; }

    public decimal CostUsd { get; init; }

    /// <summary>For <see cref="AgentOutcome.Failed"/>: true when retrying cannot help (bad input, exit 2).</summary>
    public bool Permanent { get; init; }
}
