namespace BusinessOps.Core.Kpis;

/// <summary>The alerts open after a pass, and which of them were raised in it and which earlier ones it resolved.</summary>
public sealed record AlertChanges(IReadOnlyList<AlertRecord> Open, IReadOnlyList<AlertRecord> Raised, IReadOnlyList<AlertRecord> Resolved)
{
    public bool Changed => Raised.Count > 0 || Resolved.Count > 0;
}
