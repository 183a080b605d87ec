namespace BusinessOps.Agents.Finance;

/// <summary>Who must approve a payment: tier name and role (null role = automatic).</summary>
internal sealed record ApprovalRoute(string Tier, string? Role)
{
    /// <summary>&lt; $1,000 auto, &lt; $5,000 finance manager, &lt; $25,000 CFO, else the board (ApprovalPolicy.Default tiers).</summary>
    public static ApprovalRoute For(decimal amountUsd) => amountUsd switch
    {
        < 1_000m => new("auto", null),
        < 5_000m => new("finance-manager", "finance-manager"),
        < 25_000m => new("cfo", "cfo"),
        _ => new("board", "board"),
    };
}
