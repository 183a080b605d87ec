using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary><c>coordinator issues close N</c> and <c>reopen N</c>, like <c>gh issue close|reopen</c>.</summary>
internal static class StateCommand
{
    public static Command Close(IssueCommandSettings settings) =>
        Create(settings, "close", IssueState.Closed, "Close an issue: the coordinator stops working on it.");

    public static Command Reopen(IssueCommandSettings settings) =>
        Create(settings, "reopen", IssueState.Open, "Reopen a closed issue: the coordinator considers it again on its next pass.");

    private static Command Create(IssueCommandSettings settings, string name, IssueState target, string description)
    {
        var number = IssueOptions.Number();
        var json = IssueOptions.Json();
        var command = new Command(name, description) { number, json };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var n = parse.GetValue(number);
            using var store = context.OpenStoreAs(null);
            var before = await store.GetIssueAsync(n, cancellationToken)
                ?? throw new IssueCommandException(ExitCodes.NotFound, $"Issue #{n} does not exist in {store.Location}: run 'coordinator issues list --state all' to see the numbers.");
            var changed = before.State != target;
            if (changed)
            {
                await store.SetStateAsync(n, target, cancellationToken);
            }

            var state = IssueStateText.Of(target);
            if (parse.GetValue(json))
            {
                context.WriteJson(new IssueStateJson(n, state, changed), IssuesJsonContext.Pretty.IssueStateJson);
            }
            else
            {
                context.Output.WriteLine(changed ? $"Issue #{n} is now {state}." : $"Issue #{n} was already {state}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
