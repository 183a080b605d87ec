using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Policies.Tests;

public sealed class DispatchValidationTests
{
    private const string Targets = """
        priorities:
          P0: {executor: lambda, function: ops-fn}
          P1: {executor: batch, queue: q1, jobDefinition: jd:3, runnableThreshold: 10m}
          P2: {executor: batch, queue: q2, jobDefinition: jd}
          P3: {executor: batch, queue: arn:aws:batch:eu-west-1:123456789012:job-queue/q3, jobDefinition: jd}
        """;

    [Fact]
    public void Load_ValidDispatch_BindsTargetsLocalAndRetry()
    {
        var text = "local: {concurrency: 4, timeout: 90s}\nretry: {base: 30s, factor: 1.5, cap: 2h, maxConsecutiveFailures: 5}\n" + Targets;

        var result = Load.One("dispatch.yml", text);

        Assert.True(result.IsValid);
        var dispatch = result.Policies.Dispatch;
        Assert.Equal(new LocalDispatch(4, TimeSpan.FromSeconds(90)), dispatch.Local);
        Assert.Equal(new RetryPolicy(TimeSpan.FromSeconds(30), 1.5, TimeSpan.FromHours(2), 5), dispatch.Retry);
        Assert.Equal(new DispatchTarget(ExecutorKind.Lambda, "ops-fn", null, null), dispatch.For(Priority.P0));
        Assert.Equal(TimeSpan.FromMinutes(10), dispatch.For(Priority.P1).RunnableThreshold);
        Assert.Equal("jd:3", dispatch.For(Priority.P1).JobDefinition);
        Assert.Equal(TimeSpan.FromMinutes(30), dispatch.For(Priority.P2).RunnableThreshold);
        Assert.Equal("arn:aws:batch:eu-west-1:123456789012:job-queue/q3", dispatch.For(Priority.P3).Queue);
    }

    [Fact]
    public void Load_LambdaWithoutFunction_ReportsMissingKey()
    {
        var text = Targets.Replace("{executor: lambda, function: ops-fn}", "{executor: lambda}", StringComparison.Ordinal);

        Assert.Equal("dispatch.yml:2:7: 'priorities.P0' is missing the required key 'function'", Load.SingleError(Load.One("dispatch.yml", text)));
    }

    [Fact]
    public void Load_BatchWithoutQueueAndWithFunction_ReportsBoth()
    {
        var text = Targets.Replace("{executor: batch, queue: q2, jobDefinition: jd}", "{executor: batch, function: f, jobDefinition: jd}", StringComparison.Ordinal);

        var result = Load.One("dispatch.yml", text);

        Assert.Equal(
            [
                "dispatch.yml:4:7: 'priorities.P2' is missing the required key 'queue'",
                "dispatch.yml:4:35: 'function' does not apply to executor batch; remove it or change 'executor'",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_UnknownExecutor_ListsAccepted()
    {
        var text = Targets.Replace("{executor: lambda, function: ops-fn}", "{executor: lamda, function: ops-fn}", StringComparison.Ordinal);

        Assert.Equal(
            "dispatch.yml:2:18: 'executor' must be one of lambda, batch; found 'lamda' (did you mean 'lambda'?)",
            Load.SingleError(Load.One("dispatch.yml", text)));
    }

    [Fact]
    public void Load_WarmWorkerSettings_BoundAndDefaultsWarm()
    {
        var configured = Load.One("dispatch.yml", "local: {warm: false, recycleAfter: 50, maxWorkers: 4}\n" + Targets);
        var defaults = Load.One("dispatch.yml", "local: {timeout: 90s}\n" + Targets);

        Assert.True(configured.IsValid);
        var local = configured.Policies!.Dispatch.Local;
        var fallback = defaults.Policies!.Dispatch.Local;
        Assert.Equal((false, 50, 4), (local.Warm, local.RecycleAfter, local.MaxWorkers));
        Assert.Equal((true, 1000, 32), (fallback.Warm, fallback.RecycleAfter, fallback.MaxWorkers));
    }

    [Fact]
    public void Load_ZeroMaxWorkers_Rejected()
    {
        var result = Load.One("dispatch.yml", "local: {maxWorkers: 0}\n" + Targets);

        Assert.Contains(result.Errors, e => e.ToString().Contains("'maxWorkers' must be a whole number from 1 to 1024", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NegativeConcurrencyAndCapBelowBase_ReportsBoth()
    {
        var text = "local:\n  concurrency: -1\nretry:\n  base: 2h\n  cap: 1h\n" + Targets;

        var result = Load.One("dispatch.yml", text);

        Assert.Equal(
            [
                "dispatch.yml:2:16: 'concurrency' must be a whole number from 0 to 256; found '-1'",
                "dispatch.yml:5:8: 'cap' (1h) must not be shorter than 'base' (2h)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_FunctionWithShellCharacters_Rejected()
    {
        var text = Targets.Replace("function: ops-fn", "function: 'fn;rm -rf'", StringComparison.Ordinal);

        Assert.Equal(
            "dispatch.yml:2:36: 'function' must be an AWS name or ARN (letters, digits, '-', '_', ':', '/', '.'); found 'fn;rm -rf'",
            Load.SingleError(Load.One("dispatch.yml", text)));
    }
}
