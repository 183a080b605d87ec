namespace BusinessOps.Core.Decisions;

/// <summary>
/// Why the shell's fair-share selection holds one issue's new agent run back this pass (<see cref="DecisionContext.Hold"/>):
/// its client is at its own <c>maxConcurrent</c> (<paramref name="Client"/>, <paramref name="Limit"/>), or the pass's
/// budget of new runs (<c>fairShare.perPass</c> in <c>policies/dispatch.yml</c>) went to other issues first. Either way the
/// issue waits as it is and a later pass starts it; only the client's limit is said on the issue (once), since the
/// budget moves on every pass and saying so on each waiting issue would cost a write per issue.
/// </summary>
public sealed record DispatchHold(DispatchHoldReason Reason, string? Client = null, int Limit = 0)
{
    /// <summary>The client <paramref name="client"/> has <paramref name="limit"/> runs in flight, its own limit.</summary>
    public static DispatchHold AtClientLimit(string client, int limit) => new(DispatchHoldReason.ClientAtLimit, client, limit);

    /// <summary>The pass started as many new runs as it may; this one waits for the next pass.</summary>
    public static DispatchHold PassBudget { get; } = new(DispatchHoldReason.PassBudget);
}
