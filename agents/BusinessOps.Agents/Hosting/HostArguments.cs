using System.Globalization;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>The parsed command line of an agent executable.</summary>
/// <param name="Help">Print usage.</param>
/// <param name="Demo">Run on the built-in sample issue.</param>
/// <param name="Issue">The issue number.</param>
/// <param name="IssueData">File with the issue JSON, or <c>-</c> for stdin.</param>
/// <param name="Context">File with the coordinator's context JSON, or <c>-</c> for stdin.</param>
/// <param name="Key">The idempotency key.</param>
/// <param name="Phase"><c>plan</c> or <c>execute</c>.</param>
/// <param name="Store">A SQLite store to read the issue from (standalone use).</param>
/// <param name="WriteBack">Write the result comment to <see cref="Store"/>.</param>
internal sealed record HostArguments(bool Help, bool Demo, int Issue, string? IssueData, string? Context, string? Key, string? Phase, string? Store, bool WriteBack)
{
    public static string Usage(string agent) =>
        $"usage: {agent} --process-issue N [--issue-data FILE|-] [--context FILE|-] [--key KEY] [--phase plan|execute] [--store PATH [--write-back]] | --demo | --help";

    /// <summary>Parses; returns null and an error message when the arguments are not usable.</summary>
    public static HostArguments? TryParse(string[] args, out string error)
    {
        error = string.Empty;
        bool help = false, demo = false, writeBack = false;
        int issue = 0;
        string? data = null, context = null, key = null, phase = null, store = null;
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
                case "--write-back":
                    writeBack = true;
                    break;
                case "--process-issue" or "--issue-data" or "--context" or "--key" or "--phase" or "--store":
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
                    context = a == "--context" ? v : context;
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
            return new HostArguments(true, false, 0, null, null, null, null, null, false);
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

        if (writeBack && store is null)
        {
            error = "--write-back needs --store PATH: the store to write the result comment to";
            return null;
        }

        // Without --issue-data the issue is read from --store (standalone use on a local store).
        if (!demo && (issue == 0 || (data is null && store is null)))
        {
            error = "--process-issue N and --issue-data FILE|- (or --store PATH) are required (or --demo)";
            return null;
        }

        return new HostArguments(false, demo, issue, data, context, key, phase, store, writeBack);
    }
}
