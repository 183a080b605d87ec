namespace BusinessOps.TestKit.Aws;

/// <summary>
/// A SubmitJob burst as the fake saw it: jobs created, the most SubmitJob calls that arrived in any one-second window
/// (virtual time), the virtual time from first to last call, and how long the burst took for real.
/// </summary>
public sealed record AwsPacingResult(int Burst, int JobsCreated, int MaxPerSecond, TimeSpan VirtualSpan, TimeSpan RealElapsed);
