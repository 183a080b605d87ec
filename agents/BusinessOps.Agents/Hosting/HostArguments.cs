using System.Globalization;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>The parsed command line of an agent executable.</summary>
internal sealed record HostArguments(bool Help, bool Demo, int Issue, string? IssueData, string? Key, string? Phase, string? Store)
{
    public static string Usage(string agent) =>
        $"usage: {agent} --process-issue N [--issue-data FILE|-] [--key KEY] [--phase plan|execute] [--store PATH|github] | --demo | --help";

    /// <summary>Parses; returns null and an error message when the arguments are not usable.</summary>
    public static HostArguments? TryParse(string[] args, out string error)
    {
        error = string.Empty;
        bool help = false, demo = false;
        int issue = 0;
        string? data = null, key = null, phase = null, store = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            switch (a)
            {
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--demo":
                    demo = true;
                    break;
                case "--process-issue" or "--issue-data" or "--key" or "--phase" or "--store":
                    if (i + 1 >= args.Length)
                    {
                        error = $"option {a} needs a value";
                        return null;
                    }

                    var v = args[++i];
                    if (a == "--process-issue" && (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out issue) || issue <= 0))
                    {
                        error = $"--process-issue needs a positive issue number, got '{v}'";
                        return null;
                    }

                    data = a == "--issue-data" ? v : data;
                    key = a == "--key" ? v : key;
                    phase = a == "--phase" ? v : phase;
                    store = a == "--store" ? v : store;
                    break;
                default:
                    error = $"unknown argument '{a}'";
                    return null;
            }
        }

        if (help)
        {
            return new HostArguments(true, false, 0, null, null, null, null);
        }

        if (phase is not null and not (IdempotencyKey.PlanPhase or IdempotencyKey.ExecutePhase))
        {
            error = $"--phase must be plan or execute, got '{phase}'";
            return null;
        }

        if (key is not null && !IdempotencyKey.TryParse(key, out _))
        {
            error = $"--key must look like owner/repo#N/aA/plan|execute, got '{key}'";
            return null;
        }

        // Without --issue-data the agent reads the issue from its store itself (how Batch jobs run: --store github).
        if (!demo && (issue == 0 || (data is null && store is null && Environment.GetEnvironmentVariable(StoreResolver.EnvironmentVariable) is null or "")))
        {
            error = "--process-issue N and --issue-data FILE|- (or --store) are required (or --demo)";
            return null;
        }

        return new HostArguments(false, demo, issue, data, key, phase, store);
    }
}
