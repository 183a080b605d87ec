namespace BusinessOps.Core.Agents.Rules;

/// <summary>No deployment to <see cref="Environments"/> from <see cref="From"/> to <see cref="To"/> (UTC, inclusive dates YYYY-MM-DD).</summary>
public sealed record FreezeWindow(string Name, string From, string To, IReadOnlyList<string> Environments);
