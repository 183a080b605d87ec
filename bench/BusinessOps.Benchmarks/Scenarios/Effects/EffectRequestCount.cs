using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Benchmarks.Scenarios.Effects;

/// <summary>What one step sent to the fake GitHub: reads, writes, and the rate-limit cost (every answer but a 304).</summary>
internal sealed record EffectRequestCount(int Reads, int Writes, int Cost, TimeSpan FakeTime)
{
    public int Total => Reads + Writes;

    public static EffectRequestCount Of(IReadOnlyList<FakeRequest> requests, TimeSpan fakeTime) => new(
        requests.Count(r => !r.IsWrite),
        requests.Count(r => r.IsWrite),
        requests.Count(r => r.Status != 304),
        fakeTime);
}
