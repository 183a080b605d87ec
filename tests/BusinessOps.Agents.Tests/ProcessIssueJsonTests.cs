using System.Text;
using System.Text.Json;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class ProcessIssueJsonTests
{
    [Fact]
    public async Task ProcessIssueJsonAsync_ValidIssue_RunsAgent()
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["number"] = 5,
            ["body"] = FormBody.Of(("Company", "Globex"), ("Budget", "120000"), ("Authority", "decision-maker"), ("Need", "critical"), ("Timing", "immediate")),
            ["labels"] = new[] { "sales/leads" },
        });

        var run = await AgentHost.ProcessIssueJsonAsync(Agents.Of("sales"), Encoding.UTF8.GetBytes(json), 5, "local/ops#5/a1/plan", "plan", null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(100, run.Num("score"));
    }

    [Fact]
    public async Task ProcessIssueJsonAsync_Garbage_BadInputRun()
    {
        var run = await AgentHost.ProcessIssueJsonAsync(Agents.Of(AgentNames.Sales), "\u0001\u0002"u8.ToArray(), 5, "local/ops#5/a1/plan", "plan", null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.True(run.Result.Permanent);
        Assert.Equal(AgentNames.Sales, run.Result.Agent);
    }

    [Fact]
    public void FormatResult_Enums_ContractSpellingsReadableByCoreJsonDefault()
    {
        var result = new AgentResult
        {
            Agent = AgentNames.DevOps,
            Issue = 1,
            Key = "local/ops#1/a1/plan",
            Outcome = AgentOutcome.NeedsApproval,
            Summary = "s",
            Classification = new Classification(Impact.High, Complexity.Moderate, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 12.5m),
        };

        var json = AgentHost.FormatResult(result);

        Assert.Contains("\"outcome\": \"needs-approval\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reversibility\": \"easily_reversible\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stakeholders\": \"customer_facing\"", json, StringComparison.Ordinal);
        Assert.Equal(result.Classification, JsonSerializer.Deserialize(json, CoreJson.Default.AgentResult)!.Classification);
    }
}
