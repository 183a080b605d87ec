using BusinessOps.Core.Policies;

namespace BusinessOps.Policies.Tests;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void LoadFromStrings_NoFiles_UsesDefaultsWithOneNotePerFile()
    {
        var result = PolicyLoader.LoadFromStrings(new Dictionary<string, string>());

        Assert.True(result.IsValid);
        Assert.Same(RoutingPolicy.Default, result.Policies.Routing);
        Assert.Same(ApprovalPolicy.Default, result.Policies.Approvals);
        Assert.Equal(
            [
                "routing.yml not found: using the embedded default",
                "sla.yml not found: using the embedded default",
                "dispatch.yml not found: using the embedded default",
                "autonomy.yml not found: using the embedded default",
                "approvals.yml not found: using the embedded default",
                "quality-gates.yml not found: using the embedded default",
            ],
            result.Notes);
    }

    [Fact]
    public void LoadFromStrings_ErrorsInSeveralFiles_ReportsAllAtOnceInFileOrder()
    {
        var result = Load.Many(
            ("quality-gates.yml", "minPassRate: 2\nminLineCoverage: x\n"),
            ("routing.yml", "rules:\n  - match: Dev/qa\n    agent: nobody\n"),
            ("dispatch.yml", "local: {timeout: forever}\npriorities: {}\n"),
            ("sla.yml", "defaultPriority: P2\n"));

        Assert.Null(result.Policies);
        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "routing.yml:2:12", "routing.yml:3:12",
                "sla.yml:1:1",
                "dispatch.yml:1:18", "dispatch.yml:2:13", "dispatch.yml:2:13", "dispatch.yml:2:13", "dispatch.yml:2:13",
                "quality-gates.yml:1:14", "quality-gates.yml:2:18",
            ],
            result.Errors.Select(e => $"{e.File}:{e.Line}:{e.Column}"));
        Assert.Equal(["autonomy.yml not found: using the embedded default", "approvals.yml not found: using the embedded default"], result.Notes);
    }

    [Fact]
    public void Load_MissingDirectory_OneErrorNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "businessops-no-such-dir-" + Guid.NewGuid().ToString("N"));

        var result = PolicyLoader.Load(missing);

        var error = Assert.Single(result.Errors);
        Assert.Equal(missing, error.File);
        Assert.Equal(0, error.Line);
        Assert.StartsWith(missing + ": policy directory not found; pass --policies DIR", error.ToString());
        Assert.Null(result.Policies);
    }

    [Fact]
    public void Load_MissingDirectoryAllowed_UsesDefaultsAndSaysSo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "businessops-no-such-dir-" + Guid.NewGuid().ToString("N"));

        var result = PolicyLoader.Load(missing, allowMissingDirectory: true);

        Assert.True(result.IsValid);
        Assert.Equal($"policy directory '{missing}' not found: using the embedded defaults", result.Notes[0]);
        Assert.Equal(7, result.Notes.Count);
    }

    [Fact]
    public void Load_DirectoryWithSomeFiles_ReadsThemAndDefaultsTheRest()
    {
        using var dir = new TempDirectory();
        dir.Write("quality-gates.yml", "minLineCoverage: 90%\n");

        var result = PolicyLoader.Load(dir.Path);

        Assert.True(result.IsValid);
        Assert.Equal(0.9, result.Policies.QualityGates.MinLineCoverage, 10);
        Assert.Equal(0.95, result.Policies.QualityGates.MinPassRate, 10);
        Assert.Equal(5, result.Notes.Count);
        Assert.DoesNotContain(result.Notes, n => n.StartsWith("quality-gates.yml", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_YamlExtensionInsteadOfYml_ErrorAskingToRename()
    {
        using var dir = new TempDirectory();
        dir.Write("routing.yaml", "rules: []\n");

        var result = PolicyLoader.Load(dir.Path);

        Assert.Equal("routing.yaml:1:1: policy files end in .yml; rename it to routing.yml", Load.SingleError(result));
    }

    [Fact]
    public void PolicyError_ToString_IsFileLineColumnMessage()
    {
        Assert.Equal("sla.yml:3:7: bad", new PolicyError("sla.yml", 3, 7, "bad").ToString());
        Assert.Equal("sla.yml: too big", new PolicyError("sla.yml", 0, 0, "too big").ToString());
    }

    [Fact]
    public void LoadFromStrings_ThousandsOfErrors_CappedWithSummary()
    {
        var text = string.Concat(Enumerable.Range(0, 250).Select(i => $"unknown{i}: 1\n"));

        var result = Load.One("quality-gates.yml", text);

        Assert.Equal(101, result.Errors.Count);
        Assert.Equal("quality-gates.yml:100:1: unknown key 'unknown99' at the top level; allowed keys: minLineCoverage, minPassRate, minSecurityScore, minPerformanceScore, maxRegression", result.Errors[99].ToString());
        Assert.Equal("quality-gates.yml: 150 more errors not shown; fix the ones above first", result.Errors[100].ToString());
    }

    [Fact]
    public void LoadFromOption_ExplicitMissingPath_IsAnError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "businessops-no-such-dir-" + Guid.NewGuid().ToString("N"));

        var result = PolicyLoader.LoadFromOption(missing);

        Assert.Equal(missing, Assert.Single(result.Errors).File);
    }

    [Fact]
    public void LoadFromOption_NotGiven_LoadsShippedPoliciesCleanly()
    {
        var result = PolicyLoader.LoadFromOption(null);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Load_PathIsAFile_SaysSo()
    {
        using var dir = new TempDirectory();
        dir.Write("routing.yml", "rules: []\n");
        var file = Path.Combine(dir.Path, "routing.yml");

        var error = Load.SingleError(PolicyLoader.Load(file));

        Assert.StartsWith(file + ": is a file, not a policy directory; pass --policies DIR", error);
    }
}
