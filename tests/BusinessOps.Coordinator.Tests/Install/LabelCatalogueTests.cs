using BusinessOps.Coordinator.Install;
using BusinessOps.Core.Policies;
using BusinessOps.Policies;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Install;

/// <summary>Issue 10, defect 3: GitHub drops a form's labels that do not exist, so every label a form applies must be created.</summary>
public sealed class LabelCatalogueTests
{
    private static readonly string Forms = Path.Combine(NpmTools.RepositoryRoot(), ".github", "ISSUE_TEMPLATE");
    private static readonly PolicySet Policies = LoadPolicies();

    [Fact]
    public void EveryForm_EveryLabelItApplies_IsInTheCatalogueAndRoutesToAnAgent()
    {
        var problems = new List<string>();
        var forms = FormLabels.Read(Forms, problems);
        var catalogue = LabelCatalogue.For(Policies, forms).Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Empty(problems);
        Assert.True(forms.Count >= 15, $"{forms.Count} form labels read");
        Assert.All(forms, f => Assert.True(catalogue.Contains(f.Label), $"{f.File} applies '{f.Label}', which labels sync does not create"));
        Assert.Empty(LabelCatalogue.Unrouted(Policies, forms));
    }

    [Theory]
    [InlineData("marketing/seo")]
    [InlineData("sales/lead-qualification")]
    [InlineData("management/oversight")]
    public void PoliciesAlone_FamilyRoutedFormLabel_IsMissingUntilTheFormsAreRead(string label)
    {
        var forms = FormLabels.Read(Forms, []);

        Assert.DoesNotContain(PolicyLabels.All(Policies), l => l.Name == label);
        Assert.Contains(forms, f => f.Label == label);
        var created = Assert.Single(LabelCatalogue.For(Policies, forms), l => l.Name == label);
        Assert.Contains("routed to ai-", created.Description, StringComparison.Ordinal);
        Assert.True(created.Description.Length <= PolicyLabels.MaxDescription);
    }

    [Fact]
    public async Task LabelSync_RepositoryWithoutLabels_CreatesEveryFormLabelThenWritesNothing()
    {
        var store = new InMemoryIssueStore(new FakeTimeProvider(Some.Epoch));
        var catalogue = LabelCatalogue.For(Policies, FormLabels.Read(Forms, []));

        var first = await LabelSync.RunAsync(store, catalogue, dryRun: false, TextWriter.Null, CancellationToken.None);
        var writes = store.Writes;
        var second = await LabelSync.RunAsync(store, catalogue, dryRun: false, TextWriter.Null, CancellationToken.None);

        Assert.Equal(catalogue.Count, first.Created);
        Assert.Equal((0, 0, catalogue.Count), second);
        Assert.Equal(writes, store.Writes);
        Assert.Contains(await store.ListLabelsAsync(CancellationToken.None), l => l.Name == "marketing/seo");
    }

    [Fact]
    public void Read_BrokenForm_ReportedNotThrown()
    {
        var dir = Directory.CreateTempSubdirectory("bo-forms-").FullName;
        File.WriteAllText(Path.Combine(dir, "ok.yml"), "name: Ok\nlabels: [dev/qa, marketing/seo]\n");
        File.WriteAllText(Path.Combine(dir, "broken.yml"), "name: [unclosed\nlabels: x\n");
        File.WriteAllText(Path.Combine(dir, "config.yml"), "blank_issues_enabled: false\n");
        var problems = new List<string>();

        var labels = FormLabels.Read(dir, problems);

        Assert.Equal(["dev/qa", "marketing/seo"], labels.Select(l => l.Label));
        Assert.Contains(problems, p => p.StartsWith("broken.yml:", StringComparison.Ordinal));
        Directory.Delete(dir, recursive: true);
    }

    private static PolicySet LoadPolicies()
    {
        var loaded = PolicyLoader.LoadFromOption(Path.Combine(NpmTools.RepositoryRoot(), "policies"));
        Assert.Empty(loaded.Errors);
        return loaded.Policies!;
    }
}
