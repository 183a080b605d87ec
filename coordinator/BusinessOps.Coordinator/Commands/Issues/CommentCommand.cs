using System.CommandLine;
using BusinessOps.Coordinator.Commands.Issues.Json;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary><c>coordinator issues comment N</c>: adds a comment, e.g. <c>/approve</c>, like <c>gh issue comment</c>.</summary>
internal static class CommentCommand
{
    public static Command Create(IssueCommandSettings settings)
    {
        var number = IssueOptions.Number();
        var body = new Option<string?>("--body", "-b") { Description = "The comment text, e.g. '/approve' or '/retry'.", HelpName = "TEXT" };
        var bodyFile = new Option<string?>("--body-file", "-F") { Description = "Read the comment from a file ('-' for stdin).", HelpName = "FILE" };
        var asLogin = IssueOptions.As();
        var json = IssueOptions.Json();
        var command = new Command("comment", "Comment on an issue; commands like /approve, /reject, /retry and /hold steer the coordinator.")
        {
            number, body, bodyFile, asLogin, json,
        };

        IssueCommandRunner.SetAction(command, settings, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var text = await BodyInput.ReadAsync(parse.GetValue(body), parse.GetValue(bodyFile), cancellationToken)
                ?? throw new IssueCommandException("A comment needs --body \"…\" or --body-file FILE.");
            var n = parse.GetValue(number);
            using var store = context.OpenStoreAs(parse.GetValue(asLogin));
            var comment = await store.AddCommentAsync(n, text, cancellationToken);
            if (parse.GetValue(json))
            {
                context.WriteJson(CommentJson.From(comment), IssuesJsonContext.Pretty.CommentJson);
            }
            else
            {
                context.Output.WriteLine($"Commented on #{n} as {HumanText.Line(comment.Author)} (comment {comment.Id}).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
