namespace BusinessOps.Core.Kpis;

/// <summary>
/// One alert raised and not resolved: <see cref="Key"/> deduplicates it (<c>sla-breach/#12</c>, <c>executor/batch</c>),
/// <see cref="Since"/> is when it was raised, <see cref="Title"/> one line for people (untrusted parts already bounded).
/// </summary>
public sealed record AlertRecord(string Key, AlertKind Kind, string Title, DateTimeOffset Since, int? Issue = null);
