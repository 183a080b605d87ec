using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary><c>coordinator issues show N</c>: one issue and its conversation, like <c>gh issue view --comments</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(IssueCommandSettings settings)
    {
        var number = IssueOptions.Number();
        var json = IssueOptions.Json();
        var command = new Command("show", "Show one issue: title, state, labels, description and every comment in order.")
        {
            number, json,
        };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var n = parse.GetValue(number);
            using var store = context.OpenStoreAs(null);
            var issue = await store.GetIssueAsync(n, cancellationToken)
                ?? throw new IssueCommandException(ExitCodes.NotFound, $"Issue #{n} does not exist in {store.Location}: run 'coordinator issues list --state all' to see the numbers.");
            if (parse.GetValue(json))
            {
                context.WriteJson(IssueJson.From(issue), IssuesJsonContext.Pretty.IssueJson);
            }
            else
            {
                IssueTranscript.Write(context.Output, issue);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
