using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Policies;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Agents.Tests;

/// <summary>
/// Issue 13: one issue form per operation. Each form, filled with its own placeholders (dropdowns: the first option),
/// is run through the agent its routing label names: the agent accepts it, reads every field the form offers, and
/// requires no field the form lacks. (A form may require what the agent can do without: the manager falls back to the title.)
/// </summary>
public sealed class IssueFormsTests
{
    private static readonly string Folder = Path.Combine(Root(), ".github", "ISSUE_TEMPLATE");

    internal static readonly IReadOnlyList<string> Files =
        [.. Directory.GetFiles(Folder, "*.yml").Select(f => Path.GetFileName(f)).Where(f => f != "config.yml").Order(StringComparer.Ordinal)];

    public static TheoryData<string> Forms => [.. Files];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Form_FilledWithItsPlaceholders_ItsAgentParsesExactlyItsFields(string file)
    {
        var (agentName, fields) = Read(file);
        var agent = Agents.Of(agentName);
        var body = FormBody.Of([.. fields.Select(f => (f.Label, f.Label == "Endpoints" ? SampleIssues.ClosedPortUrl : f.Sample))]);
        var issue = Agents.Issue(body, title: "Form " + file);
        var context = AgentContext.For(agent.Name, issue, "local/ops#7/a1/plan", "plan", null);

        var exception = await Record.ExceptionAsync(() => agent.RunAsync(context, CancellationToken.None));

        Assert.True(exception is null, $"{file}: {exception?.Message}");
        var offered = fields.Select(f => f.Label).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unread = offered.Where(f => !context.Form.Asked.Contains(f)).ToList();
        var lacking = context.Form.RequiredNames.Where(f => !offered.Contains(f)).ToList();
        Assert.True(unread.Count == 0, $"{file} offers fields {agentName} never reads: {string.Join(", ", unread)}");
        Assert.True(lacking.Count == 0, $"{agentName} requires fields {file} lacks: {string.Join(", ", lacking)}");
    }

    [Fact]
    public void Forms_EveryAgent_HasOneAndOperationsHaveTheirOwn()
    {
        var agents = Files.Select(f => Read(f).Agent).ToList();

        Assert.Equal(Core.Labels.AgentNames.All.Order(StringComparer.Ordinal), agents.Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("sales-proposal.yml", Files);
        Assert.Contains("marketing-campaign.yml", Files);
    }

    internal static (string Agent, IReadOnlyList<(string Label, string Sample, bool Required)> Fields) Read(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, file))))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var labels = ((YamlSequenceNode)root["labels"]).Children.Select(l => ((YamlScalarNode)l).Value!).ToList();
        var agent = labels.Select(RoutingPolicy.Default.Match).First(r => r is not null)!.Agent;
        var fields = new List<(string, string, bool)>();
        foreach (var item in ((YamlSequenceNode)root["body"]).Children.Cast<YamlMappingNode>())
        {
            var type = ((YamlScalarNode)item["type"]).Value;
            if (type == "markdown")
            {
                continue;
            }

            var attributes = (YamlMappingNode)item["attributes"];
            var label = ((YamlScalarNode)attributes["label"]).Value!;
            if (label == "Priority")
            {
                continue;
            }

            var sample = type == "dropdown"
                ? ((YamlScalarNode)((YamlSequenceNode)attributes["options"]).Children[0]).Value!
                : attributes.Children.TryGetValue("placeholder", out var placeholder) ? ((YamlScalarNode)placeholder).Value!.TrimEnd() : string.Empty;
            var required = item.Children.TryGetValue("validations", out var v) && ((YamlMappingNode)v).Children.TryGetValue("required", out var r) && ((YamlScalarNode)r).Value == "true";
            fields.Add((label, sample, required));
        }

        return (agent, fields);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
