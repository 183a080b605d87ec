using BusinessOps.Core.Decisions;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>The input a plan is about: any edit of title or body changes it; version-1 markers' short form still compares.</summary>
public sealed class InputHashTests
{
    [Fact]
    public void Of_AnyEdit_Differs()
    {
        var issue = Some.Issue(title: "Pay Initech", body: "Amount: $4,000");

        var hash = InputHash.Of(issue);

        Assert.Matches("^[0-9a-f]{32}$", hash);
        Assert.NotEqual(hash, InputHash.Of(issue with { Body = "Amount: $900,000" }));
        Assert.NotEqual(hash, InputHash.Of(issue with { Title = "Pay Initech " }));

        // Moving text between title and body is an edit too.
        Assert.NotEqual(InputHash.Of(Some.Issue(title: "ab", body: "c")), InputHash.Of(Some.Issue(title: "a", body: "bc")));
    }

    [Fact]
    public void Matches_Version1ShortForm_ComparedTheVersion1Way()
    {
        // The demo issue #5 of the previous release: its marker recorded "ddf8d5ca61f1" for this title and body.
        var issue = State.V1Fixtures.Issue("done-l1");

        Assert.True(InputHash.Matches("ddf8d5ca61f1", issue));
        Assert.False(InputHash.Matches("ddf8d5ca61f1", issue with { Body = issue.Body + " " }));
        Assert.True(InputHash.Matches(InputHash.Of(issue), issue));
    }
}
