using BusinessOps.Coordinator.Commands.Issues.Import;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Issues;

public sealed class ImportUnitTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(500, 499)]
    [InlineData(501, 3600)]
    [InlineData(10_000, (19 * 3600) + 499)]
    public void Estimate_OneSecondSpacingFiveHundredPerHour_WaitsOutEachHour(int issues, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), GitHubImportEstimate.For(issues, TimeSpan.FromSeconds(1), 500));
    }

    [Fact]
    public void Marker_RoundTrip_KeepsIdAndAuthorAndCannotCloseTheCommentEarly()
    {
        var marker = ImportMarker.Render("a --> b", "alice");
        var body = ImportMarker.Append("Text\n", marker);

        Assert.Equal(("a --> b", "alice"), ImportMarker.Read(body));
        Assert.DoesNotContain("a -->", marker, StringComparison.Ordinal);
        Assert.StartsWith("Text\n\n<!-- businessops:import ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Marker_Absent_ReadsNothing()
    {
        Assert.Equal((null, null), ImportMarker.Read("plain body"));
    }

    [Fact]
    public async Task ByteLines_CrLfAndNoFinalNewline_LinesNumberedAndCarriageReturnDropped()
    {
        using var input = new MemoryStream("\uFEFFone\r\ntwo\n\nthree"u8.ToArray());
        var lines = new List<(long, string)>();

        await foreach (var line in ByteLines.ReadAsync(input, 100, CancellationToken.None))
        {
            lines.Add((line.Number, System.Text.Encoding.UTF8.GetString(line.Bytes.Span)));
        }

        Assert.Equal([(1, "one"), (2, "two"), (3, string.Empty), (4, "three")], lines);
    }
}
