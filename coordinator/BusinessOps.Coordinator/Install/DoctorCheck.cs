namespace BusinessOps.Coordinator.Install;

/// <summary>One line of <c>coordinator doctor</c>: what was checked, how it went, and the fix when it did not.</summary>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheck Ok(string name, string detail) => new(name, DoctorStatus.Ok, detail);

    public static DoctorCheck Warn(string name, string detail, string fix) => new(name, DoctorStatus.Warn, detail, fix);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, DoctorStatus.Fail, detail, fix);

    public override string ToString() =>
        $"{Status.ToString().ToLowerInvariant(),-4}  {Name}: {Detail}{(Fix is null ? string.Empty : " → " + Fix)}";
}

/// <summary>Ok, worth a look, or broken (doctor exits 1 when anything is broken).</summary>
public enum DoctorStatus
{
    Ok,
    Warn,
    Fail,
}
