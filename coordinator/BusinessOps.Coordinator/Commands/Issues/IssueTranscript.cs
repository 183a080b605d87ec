using System.Globalization;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>The readable transcript of <c>coordinator issues show</c>; hidden state markers are left out.</summary>
internal static class IssueTranscript
{
    public static void Write(TextWriter output, IssueSnapshot issue)
    {
        var state = issue.State == IssueState.Closed ? "closed" : "open";
        var labels = issue.Labels.Count == 0 ? "no labels" : "labels: " + string.Join(", ", issue.Labels);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{issue.Number} {HumanText.Line(issue.Title)}"));
        output.WriteLine($"{state} · filed by {HumanText.Line(issue.Author)} on {HumanText.Time(issue.CreatedAt)} · {HumanText.Line(labels)}");
        output.WriteLine();
        output.WriteLine(Visible(issue.Body, "(no description)"));
        foreach (var comment in issue.Comments)
        {
            var bot = comment.AuthorIsBot ? " (bot)" : string.Empty;
            var edited = comment.WasEdited ? $" · edited {HumanText.Time(comment.UpdatedAt)}" : string.Empty;
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- {HumanText.Line(comment.Author)}{bot} · {HumanText.Time(comment.CreatedAt)} · comment {comment.Id}{edited}"));
            output.WriteLine(Visible(comment.Body, "(no visible text)"));
        }
    }

    private static string Visible(string body, string whenEmpty)
    {
        var text = HumanText.Block(HumanText.StripMarkers(body));
        return string.IsNullOrWhiteSpace(text) ? whenEmpty : text;
    }
}
