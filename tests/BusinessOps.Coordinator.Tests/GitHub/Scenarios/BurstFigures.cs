using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// One pass over issues filed at once: what it cost, and the priorities in the order dispatched.
/// <see cref="MaxWritesPerMinute"/> and <see cref="MaxWritesPerHour"/> are the most writes in any rolling window (fake clock).
/// <see cref="LastP0"/> and <see cref="FirstP3"/> are positions in that order (-1 when none).
/// </summary>
public sealed record BurstFigures(PassFigures Pass, IReadOnlyList<Priority> Order, TimeSpan MinWriteGap, int MaxWritesPerMinute, int MaxWritesPerHour)
{
    public int LastP0 => Order.ToList().LastIndexOf(Priority.P0);

    public int FirstP3 => Order.ToList().IndexOf(Priority.P3);
}
