namespace BusinessOps.Policies.Tests;

/// <summary>Issue 9 #12: what stands in a policy folder is checked, not silently ignored.</summary>
public sealed class PolicyFolderTests
{
    [Fact]
    public void Load_RoutingYmlIsADirectory_ErrorAtFirstPositionNotTheDefault()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "routing.yml"));

        var result = PolicyLoader.Load(dir.Path);

        Assert.False(result.IsValid);
        Assert.StartsWith("routing.yml:1:1: is a directory, not a policy file", Load.SingleError(result), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Notes, n => n.StartsWith("routing.yml", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MisspeltFileName_WarningNamesTheClosestKnownFile()
    {
        using var dir = new TempDirectory();
        dir.Write("routin.yml", "rules: []\n");

        var result = PolicyLoader.Load(dir.Path);

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("routin.yml", warning, StringComparison.Ordinal);
        Assert.EndsWith("did you mean routing.yml?", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YamlCopyNextToTheYmlFile_WarnsThatItIsIgnored()
    {
        // Found in the user trial: edits to sla.yaml beside sla.yml had no effect and nothing said so.
        using var dir = new TempDirectory();
        dir.Write("sla.yml", "defaultPriority: P2\n");
        dir.Write("sla.yaml", "defaultPriority: P3\n");

        var result = PolicyLoader.Load(dir.Path);

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("sla.yaml", warning, StringComparison.Ordinal);
        Assert.Contains("sla.yml is the file BusinessOps reads", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KnownAndFutureNamesAndNonYamlFiles_NoWarning()
    {
        using var dir = new TempDirectory();
        foreach (var name in new[] { "schedules.yml", "tenants.yml", "connectors.yml", "alerts.yml", "pricing.yml", "README.md", ".gitkeep" })
        {
            dir.Write(name, "# nothing\n");
        }

        foreach (var folder in new[] { "workflows", "templates", "knowledge" })
        {
            Directory.CreateDirectory(Path.Combine(dir.Path, folder));
        }

        var result = PolicyLoader.Load(dir.Path);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Load_UnknownFolder_WarningNamesTheClosestKnownFolder()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "workflow"));

        var result = PolicyLoader.Load(dir.Path);

        Assert.EndsWith("did you mean workflows/?", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policies")]
    [InlineData("./policies/")]
    public void Resolve_DefaultSpelledOut_IsTakenAsGivenNotReplacedByTheShippedCopy(string spelling)
    {
        // Before: "--policies policies" in a folder without one silently ran on the copy shipped beside the binary.
        Assert.Equal(spelling, PolicyPaths.Resolve(spelling));
        Assert.True(PolicyPaths.IsGiven(spelling));
    }
}
