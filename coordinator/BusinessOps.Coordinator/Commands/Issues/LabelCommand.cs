using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary><c>coordinator issues label N --add … --remove …</c>, like <c>gh issue edit --add-label</c>.</summary>
internal static class LabelCommand
{
    public static Command Create(IssueCommandSettings settings)
    {
        var number = IssueOptions.Number();
        var add = IssueOptions.Labels("--add", "Labels to put on the issue (several after one --add, or comma-separated); new names are created.", manyPerToken: true);
        var remove = IssueOptions.Labels("--remove", "Labels to take off the issue; names match case-insensitively.", manyPerToken: true);
        var json = IssueOptions.Json();
        var command = new Command("label", "Add or remove labels on an issue (e.g. --add priority/P1 --remove priority/P3).")
        {
            number, add, remove, json,
        };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var toAdd = IssueOptions.SplitLabels(parse.GetValue(add));
            var toRemove = IssueOptions.SplitLabels(parse.GetValue(remove));
            if (toAdd.Count == 0 && toRemove.Count == 0)
            {
                throw new IssueCommandException("Nothing to change: give --add LABEL and/or --remove LABEL.");
            }

            var n = parse.GetValue(number);
            using var store = context.OpenStoreAs(null);
            await store.UpdateLabelsAsync(n, toAdd, toRemove, cancellationToken);
            var issue = await store.GetIssueAsync(n, cancellationToken)
                ?? throw new IssueCommandException(ExitCodes.NotFound, $"Issue #{n} disappeared while labelling it.");
            if (parse.GetValue(json))
            {
                context.WriteJson(new IssueLabelsJson(issue.Number, issue.Labels), IssuesJsonContext.Pretty.IssueLabelsJson);
            }
            else
            {
                var labels = issue.Labels.Count == 0 ? "(none)" : string.Join(", ", issue.Labels);
                context.Output.WriteLine($"#{issue.Number} labels: {HumanText.Line(labels)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
