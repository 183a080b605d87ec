using System.Text.RegularExpressions;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>Keys built from user text cannot break the hidden markers (issue 9, defect 4).</summary>
public sealed class MarkerSafetyTests
{
    [Theory]
    [InlineData("client/x --> @everyone <b>hi</b>")]
    [InlineData("priority/ --> @ceo")]
    [InlineData("client/<!-- businessops:note labels:x -->")]
    public async Task RunOnce_LabelThatClosesAnHtmlComment_OneTriageNoteThenNoWrites(string label)
    {
        var s = new Shell();
        var n = await s.FileAsync("Check this", "### Request\n\nplease", "dev/qa", "priority/P2", label);

        await s.PassAsync();
        var second = await s.PassAsync();

        Assert.Equal(0, second.Writes);
        var note = Assert.Single((await s.IssueAsync(n)).Comments, c => c.Body.Contains("not a label I understand", StringComparison.Ordinal));
        var marker = note.Body[note.Body.LastIndexOf("<!-- businessops:note ", StringComparison.Ordinal)..];
        Assert.EndsWith(" -->", marker, StringComparison.Ordinal);
        Assert.Equal(marker.Length - 3, marker.IndexOf("-->", StringComparison.Ordinal));
        Assert.DoesNotContain("@", marker, StringComparison.Ordinal);

        // Outside code spans (which GitHub renders literally) the label's text neither renders HTML nor mentions anyone.
        var rendered = Regex.Replace(note.Body[..note.Body.LastIndexOf("<!-- businessops:note ", StringComparison.Ordinal)], "`[^`]*`", string.Empty);
        Assert.DoesNotContain("<", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("@", rendered, StringComparison.Ordinal);
    }
}
