using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Hosting;

/// <summary><c>--executor local|aws</c>: local child processes unless asked for AWS (or BUSINESSOPS_EXECUTOR=aws).</summary>
internal static class ExecutorSelector
{
    public static bool TryCreate(string? requested, PolicySet policies, string storeArgument, IReadOnlyDictionary<string, string?> env, TimeProvider clock, Log log, out IExecutor? executor, out string? error)
    {
        var choice = (requested ?? env.GetValueOrDefault("BUSINESSOPS_EXECUTOR") ?? "local").Trim().ToLowerInvariant();
        executor = null;
        error = null;
        switch (choice)
        {
            case "local":
                executor = new LocalExecutor(AgentLocator.Default(), new LocalExecutorOptions(policies.Dispatch.Local.Timeout, storeArgument), clock, log);
                return true;
            case "aws":
                error = "--executor aws is not available in this build yet; use --executor local.";
                return false;
            default:
                error = $"Unknown executor '{choice}': expected 'local' or 'aws'.";
                return false;
        }
    }
}
