using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary><c>coordinator issues list</c>: a table of issues, like <c>gh issue list</c>.</summary>
internal static class ListCommand
{
    public static Command Create(IssueCommandSettings settings)
    {
        var labels = IssueOptions.Labels("--label", "Only issues carrying this label; repeat to require several (e.g. --label status/failed).");
        labels.Aliases.Add("-l");
        var state = new Option<string?>("--state", "-s") { Description = "Which issues: open (default), closed or all.", HelpName = "open|closed|all" };
        var json = IssueOptions.Json();
        var command = new Command("list", "List issues in the local store with their labels, newest activity shown per issue.")
        {
            labels, state, json,
        };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var filter = ParseState(parse.GetValue(state));
            using var store = context.OpenStoreAs(null);
            var wanted = IssueOptions.SplitLabels(parse.GetValue(labels));
            var issues = await store.ListIssuesAsync(new IssueQuery(filter, wanted), cancellationToken);
            if (parse.GetValue(json))
            {
                context.WriteJson<IReadOnlyList<IssueSummaryJson>>([.. issues.Select(IssueSummaryJson.From)], IssuesJsonContext.Pretty.IReadOnlyListIssueSummaryJson);
            }
            else if (issues.Count == 0 && wanted.Count > 0)
            {
                // The store has issues, just none with these labels: suggesting to file one would mislead.
                context.Output.WriteLine($"No {Describe(filter)}issues with the label(s) {string.Join(", ", wanted)} in {store.Location}.");
            }
            else if (issues.Count == 0)
            {
                context.Output.WriteLine($"No {Describe(filter)}issues in {store.Location}. File one with: coordinator issues file --title \"…\" --label …");
            }
            else
            {
                IssueTable.Write(context.Output, issues);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static IssueStateFilter ParseState(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "open" => IssueStateFilter.Open,
        "closed" => IssueStateFilter.Closed,
        "all" => IssueStateFilter.All,
        _ => throw new IssueCommandException($"--state must be open, closed or all (got '{value}')."),
    };

    private static string Describe(IssueStateFilter filter) => filter switch
    {
        IssueStateFilter.Open => "open ",
        IssueStateFilter.Closed => "closed ",
        _ => string.Empty,
    };
}
