using BusinessOps.Aws.Executors;
using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Hosting;

/// <summary><c>--executor local|aws</c>: local child processes unless asked for AWS (or BUSINESSOPS_EXECUTOR=aws).</summary>
internal static class ExecutorSelector
{
    public static bool TryCreate(string? requested, PolicySet policies, IReadOnlyDictionary<string, string?> env, TimeProvider clock, Log log, out IExecutor? executor, out string? error)
    {
        // An unset repository variable arrives as an empty string: empty means "not chosen", not an unknown executor.
        var fromEnv = env.GetValueOrDefault("BUSINESSOPS_EXECUTOR");
        var choice = (string.IsNullOrWhiteSpace(requested) ? string.IsNullOrWhiteSpace(fromEnv) ? "local" : fromEnv : requested).Trim().ToLowerInvariant();
        executor = null;
        error = null;
        switch (choice)
        {
            case "local":
                var local = policies.Dispatch.Local;
                var options = new LocalExecutorOptions(local.Timeout, local.Grace) { Warm = local.Warm, RecycleAfter = local.RecycleAfter, MaxWorkers = local.MaxWorkers };
                executor = new LocalExecutor(AgentLocator.Default(), options, clock, log);
                return true;
            case "aws":
                return AwsExecutorFactory.TryCreate(env, WithOverrides(policies.Dispatch, env), clock, out executor, out error);
            default:
                error = $"Unknown executor '{choice}': expected 'local' or 'aws'.";
                return false;
        }
    }

    /// <summary>
    /// Repository variables set by <c>infra/deploy.sh</c> (<c>BUSINESSOPS_LAMBDA_FUNCTION</c>, <c>BUSINESSOPS_BATCH_QUEUE</c>,
    /// <c>BUSINESSOPS_BATCH_JOB_DEFINITION</c>) override the names in <c>dispatch.yml</c>, so one policy file serves every stack.
    /// </summary>
    internal static DispatchPolicy WithOverrides(DispatchPolicy policy, IReadOnlyDictionary<string, string?> env)
    {
        string? Get(string name) => env.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;
        var function = Get("BUSINESSOPS_LAMBDA_FUNCTION");
        var queue = Get("BUSINESSOPS_BATCH_QUEUE");
        var definition = Get("BUSINESSOPS_BATCH_JOB_DEFINITION");
        if (function is null && queue is null && definition is null)
        {
            return policy;
        }

        var targets = policy.Targets.ToDictionary(
            t => t.Key,
            t => t.Value.Executor == ExecutorKind.Lambda
                ? t.Value with { Function = function ?? t.Value.Function }
                : t.Value with { Queue = queue ?? t.Value.Queue, JobDefinition = definition ?? t.Value.JobDefinition });
        return policy with { Targets = targets };
    }
}
