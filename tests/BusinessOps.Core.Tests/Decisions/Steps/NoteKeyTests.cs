using BusinessOps.Core.Decisions;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>Note keys from user text can neither close the hidden marker nor mention anyone (issue 9, defect 4).</summary>
public sealed class NoteKeyTests
{
    [Theory]
    [InlineData("priority/P1+priority/P3")]
    [InlineData("status/needs-triage")]
    [InlineData("local/ops#12/a1/plan")]
    public void For_SafeDetail_KeptReadable(string detail)
    {
        Assert.Equal("labels:" + detail, NoteKey.For("labels", detail));
    }

    [Theory]
    [InlineData("client/x --> @everyone")]
    [InlineData("client/a-->b")]
    [InlineData("client/a--!>b")]
    [InlineData("priority/<b>")]
    [InlineData("client/é")]
    public void For_UnsafeDetail_HashedStably(string detail)
    {
        var key = NoteKey.For("labels", detail);

        Assert.Matches("^labels:h[0-9a-f]{16}$", key);
        Assert.Equal(key, NoteKey.For("labels", detail));
        Assert.NotEqual(key, NoteKey.For("labels", detail + "x"));
    }
}
