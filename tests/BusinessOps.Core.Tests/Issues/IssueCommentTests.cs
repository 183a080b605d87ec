using BusinessOps.Core.Issues;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Issues;

/// <summary>An edit is an edit, however soon after posting (issue 9, defect 9): <c>updated_at != created_at</c>.</summary>
public sealed class IssueCommentTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(60_000)]
    public void WasEdited_UpdatedAfterPosting_True(int milliseconds)
    {
        var comment = new IssueComment(1, "fiona", "/approve", Some.Epoch, Some.Epoch.AddMilliseconds(milliseconds));

        Assert.True(comment.WasEdited);
    }

    [Fact]
    public void WasEdited_SameTimestamps_False()
    {
        Assert.False(new IssueComment(1, "fiona", "/approve", Some.Epoch, Some.Epoch).WasEdited);
    }
}
