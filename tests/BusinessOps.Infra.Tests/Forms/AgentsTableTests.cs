using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Infra.Tests.Forms;

public sealed class AgentsTableTests
{
    [Fact]
    public void Load_DocsAgents_HasAllFourteenAgentsWithFields()
    {
        var specs = AgentsTable.Load();

        // One row per operation: every agent has at least one, and nothing else is listed.
        Assert.Equal(AgentNames.All.Order(StringComparer.Ordinal), specs.Select(s => s.Agent).Distinct().Order(StringComparer.Ordinal));
        Assert.All(specs, s => Assert.NotEmpty(s.Fields));
        Assert.All(specs, s => Assert.NotEmpty(s.RoutingLabels));
    }

    [Fact]
    public void ParseFields_ValuesInParentheses_AreNotFields()
    {
        var fields = AgentsTable.ParseFields("`Service`*; `Environment`* (`development`, `staging`); `Strategy` (`rolling`, `canary`)");

        Assert.Equal([new AgentField("Service", true), new AgentField("Environment", true), new AgentField("Strategy", false)], fields);
    }

    [Fact]
    public void ParseFields_ParenthesesInsideAName_StayInTheName()
    {
        var fields = AgentsTable.ParseFields("`Endpoints`* (one http(s) URL per line, ≤ 20); `Timeout (ms)` (default 5000)");

        Assert.Equal([new AgentField("Endpoints", true), new AgentField("Timeout (ms)", false)], fields);
    }

    [Fact]
    public void Parse_EscapedPipeInsideACell_DoesNotSplitTheRow()
    {
        const string row = "| ai-finance-agent | `finance/*` | `Line items`* (lines `description \\| quantity \\| unit price`); `Total`* | does |";

        var spec = Assert.Single(AgentsTable.Parse(row));

        Assert.Equal(["finance/*"], spec.RoutingLabels);
        Assert.Equal([new AgentField("Line items", true), new AgentField("Total", true)], spec.Fields);
    }

    [Fact]
    public void ParseValues_EnumeratedField_ValuesByLabel()
    {
        var values = AgentsTable.ParseValues("`Version`* (semver); `Environment`* (`development`, `staging`, `production`); `Criteria`* (lines `name: weight`); `Scope` (`all`, or a `client/<id>`)");

        Assert.Equal(["Environment"], values.Keys);
        Assert.Equal(["development", "staging", "production"], values["Environment"]);
    }
}
