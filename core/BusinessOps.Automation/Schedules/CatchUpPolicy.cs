namespace BusinessOps.Automation.Schedules;

/// <summary>A <see cref="CatchUpMode"/> and, for <see cref="CatchUpMode.All"/>, how far back missed slots still open.</summary>
public sealed record CatchUpPolicy(CatchUpMode Mode, TimeSpan Window)
{
    /// <summary>Most slots one schedule opens in one pass, whatever the window: a bound on what a misconfiguration can file.</summary>
    public const int MaxSlotsPerPass = 50;

    public static CatchUpPolicy Latest { get; } = new(CatchUpMode.Latest, TimeSpan.Zero);

    public static CatchUpPolicy None { get; } = new(CatchUpMode.None, TimeSpan.Zero);

    public static CatchUpPolicy All(TimeSpan window) => new(CatchUpMode.All, window);
}
