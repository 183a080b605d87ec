using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Policies.Tests;

/// <summary><c>batch: { maxIssues, maxWait }</c> in dispatch.yml: top-level default, per-priority override, errors with file:line:col.</summary>
public sealed class DispatchBatchSetsTests
{
    private const string Targets = """
        priorities:
          P0: {executor: lambda, function: ops-fn}
          P1: {executor: batch, queue: q1, jobDefinition: jd, batch: {maxIssues: 1}}
          P2: {executor: batch, queue: q2, jobDefinition: jd}
          P3: {executor: batch, queue: q3, jobDefinition: jd, batch: {maxIssues: 20, maxWait: 5m}}
        """;

    [Fact]
    public void Load_TopLevelAndPerPriority_EachBatchTargetGetsItsSets()
    {
        var result = Load.One("dispatch.yml", "batch: {maxIssues: 10, maxWait: 2m}\n" + Targets);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var dispatch = result.Policies.Dispatch;
        Assert.Equal(BatchSets.None, dispatch.For(Priority.P1).Sets);
        Assert.Equal(new BatchSets(10, TimeSpan.FromMinutes(2)), dispatch.For(Priority.P2).Sets);
        Assert.Equal(new BatchSets(20, TimeSpan.FromMinutes(5)), dispatch.For(Priority.P3).Sets);
        Assert.Equal(BatchSets.None, dispatch.For(Priority.P0).Sets);
    }

    [Fact]
    public void Load_NoBatchKey_OneIssuePerJob()
    {
        var result = Load.One("dispatch.yml", Targets.Replace(", batch: {maxIssues: 20, maxWait: 5m}", string.Empty, StringComparison.Ordinal));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.False(result.Policies.Dispatch.For(Priority.P3).Sets.Enabled);
    }

    [Theory]
    [InlineData("batch: {maxIssues: 0}\n", "dispatch.yml:1:20: 'maxIssues' must be a whole number from 1 to 50")]
    [InlineData("batch: {maxIssues: 51}\n", "dispatch.yml:1:20: 'maxIssues' must be a whole number from 1 to 50")]
    [InlineData("batch: {maxWait: 2m}\n", "dispatch.yml:1:8: 'batch' is missing the required key 'maxIssues'")]
    [InlineData("batch: {maxIssues: 10, maxWait: 2h}\n", "dispatch.yml:1:33: 'maxWait' (2h) must be at most 30m")]
    [InlineData("batch: {maxIssues: 1, maxWait: 2m}\n", "dispatch.yml:1:32: 'maxWait' has no effect with maxIssues: 1")]
    [InlineData("batch: {maxIssue: 10}\n", "dispatch.yml:1:9: unknown key 'maxIssue' in 'batch'")]
    public void Load_InvalidTopLevelBatch_ReportedWithFileLineAndColumn(string batch, string expected)
    {
        var result = Load.One("dispatch.yml", batch + Targets);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BatchOnLambdaTarget_SaysItDoesNotApply()
    {
        var text = Targets.Replace("{executor: lambda, function: ops-fn}", "{executor: lambda, function: ops-fn, batch: {maxIssues: 5}}", StringComparison.Ordinal);

        Assert.Equal("dispatch.yml:2:51: 'batch' does not apply to executor lambda; remove it or change 'executor'", Load.SingleError(Load.One("dispatch.yml", text)));
    }
}
