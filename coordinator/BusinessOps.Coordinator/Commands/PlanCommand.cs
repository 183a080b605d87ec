using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Core;
using BusinessOps.Core.Decisions;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator plan show N</c>: an issue's plan — its effects in plain words and the outcome of each.</summary>
internal static class PlanCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var number = new Argument<int>("number") { Description = "The issue number" };
        var show = new Command("show", "Print an issue's plan: the effects approval releases, and what happened to each") { number };
        show.SetAction((parse, ct) => CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local"), async session =>
        {
            var n = parse.GetValue(number);
            if (await session.Store.GetIssueAsync(n, ct) is not { } issue)
            {
                await session.Error.WriteLineAsync($"error: issue #{n} does not exist in {session.StoreArgument}.");
                return ExitCodes.NotFound;
            }

            PlanPrinter.Print(session.Output, issue, PlanView.Read(issue, session.Policies, session.Connectors.Router.Unavailable));
            return ExitCodes.Ok;
        }));
        return new Command("plan", "Read plans: what an approval releases and what it did") { show };
    }
}
