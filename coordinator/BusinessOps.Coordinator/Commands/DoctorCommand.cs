using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Install;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator doctor</c>: checks a live installation, one line per check with its fix; exit 1 when something is broken.</summary>
internal static class DoctorCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var dir = new Option<string>("--repo-dir") { Description = "The repository's checked-out folder (workflows, forms; . is the current folder)", DefaultValueFactory = _ => "." };
        var cmd = new Command("doctor", "Check an installation: the token and its permissions, labels, workflow, and the AWS stack when agents run there") { dir };
        cmd.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var policies = PolicyGate.Load(parse.GetValue(g.Policies), error);
            if (policies is null)
            {
                return ExitCodes.BadInput;
            }

            var env = host.Environment;
            var clock = host.Clock;
            var requested = parse.GetValue(g.Store) ?? StoreSelector.GitHub;
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var context = new DoctorContext(
                () => StoreSelector.Open(StoreSelector.Resolve(requested, env), clock, env, new Log(error)),
                policies with { Repository = env.GetValueOrDefault("GITHUB_REPOSITORY") ?? policies.Repository },
                Path.GetFullPath(parse.GetValue(dir)!),
                env,
                http,
                clock,
                ThisRelease.Tag);
            var checks = await Doctor.RunAsync(context, ct);
            foreach (var check in checks)
            {
                output.WriteLine(check.ToString());
            }

            var failed = checks.Count(c => c.Status == DoctorStatus.Fail);
            output.WriteLine($"doctor: {checks.Count(c => c.Status == DoctorStatus.Ok)} ok, {checks.Count(c => c.Status == DoctorStatus.Warn)} to look at, {failed} broken");
            return failed > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return cmd;
    }
}
