namespace BusinessOps.LocalStore.Tests.Kpis;

/// <summary>A clock set to each moment of a history as it is written (FakeTimeProvider cannot go back in time).</summary>
internal sealed class AnyTimeClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
