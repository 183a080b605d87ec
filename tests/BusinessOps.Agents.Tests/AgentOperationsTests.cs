using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>
/// Issue 12: <see cref="AgentOperations"/> is what <c>policies validate</c> holds workflows and triggers to, so it must say
/// what the agents really do: each form's agent writes exactly the catalogued outputs, runs on the catalogued fields
/// alone, and refuses when any one of them is left out.
/// </summary>
public sealed class AgentOperationsTests
{
    public static TheoryData<string> Forms => [.. IssueFormsTests.Files];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Operation_OfEachForm_MatchesWhatItsAgentRequiresAndWrites(string file)
    {
        var (agentName, fields) = IssueFormsTests.Read(file);
        var operation = Assert.Single(AgentOperations.All, o => o.Form + ".yml" == file);
        Assert.Equal(agentName, operation.Agent);
        var samples = fields.ToDictionary(f => f.Label, f => f.Label == "Endpoints" ? SampleIssues.ClosedPortUrl : f.Sample, StringComparer.OrdinalIgnoreCase);

        var full = await Run(agentName, file, samples.Keys, samples);
        Assert.Equal(operation.Outputs.Order(StringComparer.Ordinal), full.Outputs.Select(o => o.Key).Order(StringComparer.Ordinal));

        List<string> minimal = [.. operation.Requires, .. operation.AnyOf.Take(1)];
        var enough = await Run(agentName, file, minimal, samples);
        Assert.NotNull(enough);

        foreach (var left in operation.Requires)
        {
            var exception = await Assert.ThrowsAsync<BadInputException>(() => Run(agentName, file, minimal.Where(f => f != left), samples));
            Assert.Contains("required", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Operations_EveryAgent_HasOne() =>
        Assert.Equal(Core.Labels.AgentNames.All.Order(StringComparer.Ordinal), AgentOperations.All.Select(o => o.Agent).Distinct().Order(StringComparer.Ordinal));

    private static async Task<Core.Results.AgentResult> Run(string agentName, string file, IEnumerable<string> names, Dictionary<string, string> samples)
    {
        var agent = Agents.Of(agentName);
        var issue = Agents.Issue(FormBody.Of([.. names.Select(n => (n, samples[n]))]), title: "Form " + file);
        var context = AgentContext.For(agent.Name, issue, "local/ops#7/a1/plan", "plan", null);
        return await agent.RunAsync(context, CancellationToken.None);
    }
}
