using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>The Priority dropdown of the issue forms (<c>.github/ISSUE_TEMPLATE/*.yml</c>), read from the body GitHub renders.</summary>
public sealed class PriorityAnswerTests
{
    [Theory]
    [InlineData("### Priority\n\nP0\n\n### Vendor\n\nAcme", Priority.P0)]
    [InlineData("### Vendor\n\nAcme\n\n### Priority\n\nP3", Priority.P3)]
    [InlineData("### Priority\r\n\r\nP1 - High\r\n", Priority.P1)]
    [InlineData("### priority\n\np2", Priority.P2)]
    [InlineData("### Priority  \n\n  P1 (urgent)", Priority.P1)]
    public void Read_FormAnswer_Priority(string body, Priority expected)
    {
        Assert.Equal(expected, PriorityAnswer.Read(body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("### Priority\n\n_No response_")]
    [InlineData("### Priority\n\nP4")]
    [InlineData("### Priority\n\nP10")]
    [InlineData("### Priority\n\n### Vendor\n\nP1")]
    [InlineData("### Priority level\n\nP1")]
    [InlineData("text ### Priority\n\nP1")]
    [InlineData("### Priority")]
    public void Read_NoAnswer_Null(string body)
    {
        Assert.Null(PriorityAnswer.Read(body));
    }
}
