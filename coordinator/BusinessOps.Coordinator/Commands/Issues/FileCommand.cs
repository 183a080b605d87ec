using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary><c>coordinator issues file</c>: files a new issue, like <c>gh issue create</c>.</summary>
internal static class FileCommand
{
    public static Command Create(IssueCommandSettings settings)
    {
        var title = new Option<string?>("--title", "-t") { Description = "One-line summary of the work (required, at most 256 characters).", HelpName = "TITLE" };
        var body = new Option<string?>("--body", "-b") { Description = "The issue's description (issue-form '### Field' headings are parsed by agents).", HelpName = "TEXT" };
        var bodyFile = new Option<string?>("--body-file", "-F") { Description = "Read the description from a file ('-' for stdin).", HelpName = "FILE" };
        var labels = IssueOptions.Labels("--label", "Add a label; repeat or separate with commas (e.g. --label sales/lead --label priority/P2).");
        labels.Aliases.Add("-l");
        var asLogin = IssueOptions.As();
        var json = IssueOptions.Json();
        var command = new Command("file", "File a new issue in the local store: the coordinator picks it up on its next pass.")
        {
            title, body, bodyFile, labels, asLogin, json,
        };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            if (string.IsNullOrWhiteSpace(parse.GetValue(title)))
            {
                throw new IssueCommandException("An issue needs --title \"…\": a one-line summary of the work.");
            }

            var text = await BodyInput.ReadAsync(parse.GetValue(body), parse.GetValue(bodyFile), cancellationToken) ?? string.Empty;
            using var store = context.OpenStoreAs(parse.GetValue(asLogin), create: true);
            var issue = await store.CreateIssueAsync(new NewIssue(parse.GetValue(title)!, text, IssueOptions.SplitLabels(parse.GetValue(labels))), cancellationToken);
            if (parse.GetValue(json))
            {
                context.WriteJson(IssueJson.From(issue), IssuesJsonContext.Pretty.IssueJson);
            }
            else
            {
                var labelText = issue.Labels.Count == 0 ? "no labels" : "labels: " + string.Join(", ", issue.Labels);
                context.Output.WriteLine($"Filed issue #{issue.Number} as {issue.Author} ({HumanText.Line(labelText)}): {HumanText.Line(issue.Title)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
