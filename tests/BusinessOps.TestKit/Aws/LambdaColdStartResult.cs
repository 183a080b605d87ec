namespace BusinessOps.TestKit.Aws;

/// <summary>Process start to first posted response on the fake Runtime API, over <see cref="Runs"/> fresh processes (ms).</summary>
public sealed record LambdaColdStartResult(int Runs, double P50Ms, double P95Ms, double MinMs, double MaxMs, FakeRuntimeOutcome LastOutcome);
