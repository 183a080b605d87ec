using BusinessOps.Core.Policies;
using BusinessOps.Infra.Tests.Support;
using Xunit;

namespace BusinessOps.Infra.Tests.Forms;

public sealed class IssueFormTests
{
    private static readonly IReadOnlyList<IssueForm> Forms = IssueForm.LoadAll();
    private static readonly IReadOnlyList<AgentSpec> Specs = AgentsTable.Load();

    public static TheoryData<string> FormFiles => [.. Forms.Select(f => f.File)];

    [Theory]
    [MemberData(nameof(FormFiles))]
    public void Labels_Form_HasExactlyOneRoutingLabelOfTheDefaultPolicy(string file)
    {
        var form = Form(file);

        var routing = form.Labels.Where(l => RoutingPolicy.Default.Match(l) is not null).ToList();

        Assert.Single(routing);
        Assert.All(form.Labels, l => Assert.Equal(l.Trim().ToLowerInvariant(), l));
    }

    [Theory]
    [MemberData(nameof(FormFiles))]
    public void Priority_Form_HasRequiredDropdownP0ToP3(string file)
    {
        var priority = Assert.Single(Form(file).Fields, f => f.Label == "Priority");

        Assert.Equal("dropdown", priority.Type);
        Assert.Equal(["P0", "P1", "P2", "P3"], priority.Options);
        Assert.True(priority.Required);
    }

    [Theory]
    [MemberData(nameof(FormFiles))]
    public void Fields_Form_EqualTheFieldsOfOneOfItsAgentsOperationsInDocsAgents(string file)
    {
        var form = Form(file);

        var spec = SpecOf(form);

        Assert.True(spec is not null, $"{file}: no row of {AgentOf(form)} in docs/AGENTS.md lists exactly the fields {string.Join(", ", Fields(form))}");
    }

    [Fact]
    public void Forms_EveryOperationInDocsAgents_HasItsForm()
    {
        var missing = Specs.Where(s => !Forms.Any(f => AgentOf(f) == s.Agent && Fields(f).SequenceEqual(s.Fields)))
            .Select(s => $"{s.Agent}: {string.Join(", ", s.Fields.Select(f => f.Label))}")
            .ToList();

        Assert.True(missing.Count == 0, "operations without a form: " + string.Join("; ", missing));
    }

    [Theory]
    [MemberData(nameof(FormFiles))]
    public void Fields_Form_HaveUniqueIdsAndDescriptions(string file)
    {
        var fields = Form(file).Fields;

        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Id), f.Label + " has no id"));
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), f.Label + " has no description"));
        Assert.Equal(fields.Count, fields.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(FormFiles))]
    public void Dropdowns_Form_OfferExactlyTheValuesInDocsAgents(string file)
    {
        var form = Form(file);
        var spec = SpecOf(form) ?? Specs.First(s => s.Agent == AgentOf(form));

        foreach (var dropdown in form.Fields.Where(f => f.Type == "dropdown" && f.Label != "Priority"))
        {
            Assert.True(spec.Values.TryGetValue(dropdown.Label, out var values), dropdown.Label + " lists no values in docs/AGENTS.md");
            Assert.Equal(values, dropdown.Options);
        }

        foreach (var (label, _) in spec.Values)
        {
            Assert.Equal("dropdown", form.Fields.Single(f => f.Label == label).Type);
        }
    }

    [Fact]
    public void Forms_EveryAgent_HasAtLeastOneForm()
    {
        var covered = Forms.Select(AgentOf).ToHashSet(StringComparer.Ordinal);

        var missing = Specs.Select(s => s.Agent).Where(a => !covered.Contains(a)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Forms_RoutingLabel_MatchesTheAgentsRoutingInDocsAgents()
    {
        var mismatched = Forms
            .Where(f => !Specs.Where(s => s.Agent == AgentOf(f)).SelectMany(s => s.RoutingLabels)
                .Any(pattern => new RoutingRule(pattern, string.Empty).Matches(RoutingLabel(f))))
            .Select(f => f.File)
            .ToList();

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Config_BlankIssues_DisabledWithContactLinks()
    {
        var config = Yaml.Load(".github/ISSUE_TEMPLATE/config.yml");

        Assert.Equal("false", config.Text("blank_issues_enabled"));
        Assert.NotEmpty(((YamlDotNet.RepresentationModel.YamlSequenceNode)config.Get("contact_links")!).Children);
    }

    [Fact]
    public void Parse_FormWithWrongFields_IsDetected()
    {
        const string yaml = """
            name: x
            labels: [dev/qa]
            body:
              - type: textarea
                id: test-results
                attributes: { label: Test results, description: d }
                validations: { required: false }
            """;

        var form = IssueForm.Parse("x.yml", yaml);

        Assert.Null(SpecOf(form));
    }

    private static IssueForm Form(string file) => Forms.Single(f => f.File == file);

    private static List<AgentField> Fields(IssueForm form) => [.. form.Fields.Where(f => f.Label != "Priority").Select(f => new AgentField(f.Label, f.Required))];

    /// <summary>The row of the form's agent (one per operation) whose fields are exactly the form's, or null.</summary>
    private static AgentSpec? SpecOf(IssueForm form) => Specs.FirstOrDefault(s => s.Agent == AgentOf(form) && s.Fields.SequenceEqual(Fields(form)));

    private static string RoutingLabel(IssueForm form) => form.Labels.Single(l => RoutingPolicy.Default.Match(l) is not null);

    private static string AgentOf(IssueForm form) => RoutingPolicy.Default.Match(RoutingLabel(form))!.Agent;
}
