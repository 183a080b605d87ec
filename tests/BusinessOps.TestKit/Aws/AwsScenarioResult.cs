namespace BusinessOps.TestKit.Aws;

/// <summary>Dispatch latency to the fake endpoints (milliseconds, over <see cref="Count"/> dispatches each) and SubmitJob pacing.</summary>
public sealed record AwsScenarioResult(int Count, double LambdaP50Ms, double LambdaP95Ms, double BatchP50Ms, double BatchP95Ms, AwsPacingResult Pacing);
