using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>One open issue that needs a person, with how long it has waited (<see cref="AgeSeconds"/>, from <see cref="Since"/>).</summary>
public sealed record AttentionItem(int Number, string Title, AttentionKind Kind, DateTimeOffset Since, double AgeSeconds, string? Agent, Priority? Priority, IReadOnlyList<string> Clients);
