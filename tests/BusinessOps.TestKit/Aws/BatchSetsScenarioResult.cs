namespace BusinessOps.TestKit.Aws;

/// <summary>One job per issue against sets, for the same burst.</summary>
public sealed record BatchSetsScenarioResult(int Issues, int MaxIssues, TimeSpan PerIssue, BatchSetsModeResult OnePerIssue, BatchSetsModeResult Sets);
