using System.Text;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Issues;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class IssueJsonReaderTests
{
    private static readonly DateTimeOffset Fallback = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_GitHubShape_AllFields()
    {
        var json = """
            {"number": 12, "title": "T", "body": "### A\n\nb", "state": "closed",
             "labels": [{"name": "finance/analysis", "color": "fff"}, "priority/P1"],
             "user": {"login": "alice"}, "created_at": "2026-11-02T09:00:00Z", "updated_at": "2026-11-02T10:00:00Z",
             "comments": [{"id": 5, "user": {"login": "businessops[bot]", "type": "Bot"}, "body": "hi", "created_at": "2026-11-02T09:30:00Z"}]}
            """;

        var issue = IssueJsonReader.Parse(Encoding.UTF8.GetBytes(json), 12, Fallback);

        Assert.Equal((12, "T", IssueState.Closed, "alice"), (issue.Number, issue.Title, issue.State, issue.Author));
        Assert.Equal(["finance/analysis", "priority/P1"], issue.Labels);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), issue.UpdatedAt);
        var comment = Assert.Single(issue.Comments);
        Assert.Equal((5L, "businessops[bot]", true), (comment.Id, comment.Author, comment.AuthorIsBot));
    }

    [Fact]
    public void Parse_CommentsCountAndNullBody_Tolerated()
    {
        var issue = IssueJsonReader.Parse("{\"number\":3,\"title\":\"x\",\"body\":null,\"comments\":4}"u8, 3, Fallback);

        Assert.Equal(string.Empty, issue.Body);
        Assert.Empty(issue.Comments);
        Assert.Equal(Fallback, issue.CreatedAt);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"number\": 4}", "is issue #4 but --process-issue says #3")]
    [InlineData("{\"labels\": 7}", "`labels` must be an array")]
    [InlineData("{\"created_at\": \"yesterday\"}", "`created_at` must be an ISO-8601 timestamp")]
    public void Parse_Invalid_BadInputWithClearMessage(string json, string message)
    {
        var ex = Assert.Throws<BadInputException>(() => IssueJsonReader.Parse(Encoding.UTF8.GetBytes(json), 3, Fallback));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBounded_MoreThanOneMegabyte_Refused()
    {
        using var stream = new MemoryStream(new byte[IssueJsonReader.MaxBytes + 1]);

        var ex = await Assert.ThrowsAsync<BadInputException>(() => IssueJsonReader.ReadBoundedAsync(stream, CancellationToken.None));

        Assert.Contains("larger than 1024 KB", ex.Message, StringComparison.Ordinal);
    }
}
