namespace BusinessOps.Agents.DevOps;

/// <summary>
/// What to deploy where, and how: a <c>deploy</c> of <see cref="Version"/>, or a <c>rollback</c> from it to
/// <see cref="PreviousVersion"/>; on <see cref="Date"/> (for freeze windows), from git <see cref="Ref"/>, through the
/// <c>deploy</c> webhook or command (<see cref="Via"/>), after the QA issue <see cref="QaIssue"/> passed its gates.
/// </summary>
internal sealed record DeploymentRequest(string Service, string Version, string Environment, string Strategy, bool StrategyDefaulted)
{
    public string Action { get; init; } = DeploymentPlanner.Deploy;

    public DateOnly Date { get; init; }

    public string? PreviousVersion { get; init; }

    public string Ref { get; init; } = string.Empty;

    public string Via { get; init; } = "webhook";

    public int? QaIssue { get; init; }

    public bool IsProduction => Environment == "production";

    public bool IsRollback => Action == DeploymentPlanner.Rollback;

    public bool IsPrerelease => Version.Contains('-', StringComparison.Ordinal);

    /// <summary>The version this request puts in place: the new one, or the previous one for a rollback.</summary>
    public string Target => IsRollback ? PreviousVersion! : Version;
}
