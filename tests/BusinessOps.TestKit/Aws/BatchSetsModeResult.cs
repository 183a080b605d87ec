using BusinessOps.Aws.Batch;

namespace BusinessOps.TestKit.Aws;

/// <summary>Jobs started, AWS requests sent to dispatch the burst, the time that took, and the cost estimate of the jobs.</summary>
public sealed record BatchSetsModeResult(int Jobs, int AwsCalls, TimeSpan Dispatch, BatchCostEstimate Cost);
