using System.Text.Json;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Core.Tests.State;

public sealed class CoreJsonTests
{
    [Fact]
    public void Pretty_AgentResult_UsesContractSpellings()
    {
        var result = new AgentResult
        {
            Agent = "ai-finance-agent",
            Issue = 4,
            Key = "o/r#4/a1/plan",
            Outcome = AgentOutcome.NeedsApproval,
            Summary = "Invoice OK",
            Classification = new Classification(Impact.High, Complexity.Moderate, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 3000m),
        };

        var json = JsonSerializer.Serialize(result, CoreJson.Pretty.AgentResult);

        Assert.Contains("\"outcome\": \"needs-approval\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reversibility\": \"easily_reversible\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stakeholders\": \"customer_facing\"", json, StringComparison.Ordinal);
        Assert.Equal(AgentOutcome.NeedsApproval, JsonSerializer.Deserialize(json, CoreJson.Default.AgentResult)!.Outcome);
    }

    [Fact]
    public void Markers_ResultRecord_RoundTripsWithNamedEnumsAndNoRawAt()
    {
        var record = new ResultRecord("o/r#4/a1/plan", "ai-qa-agent", AgentOutcome.NeedsDecision, 0.5, 0.01m, Summary: "ping @everyone --> <b>");

        var marker = Markers.Format(record);

        Assert.Contains("\"outcome\":\"needs-decision\"", marker, StringComparison.Ordinal);
        Assert.DoesNotContain("@", marker, StringComparison.Ordinal);
        Assert.Equal(1, marker.Split("-->").Length - 1);
        Assert.True(Markers.TryParseResult("text " + marker, out var parsed));
        Assert.Equal(record, parsed);
    }
}
