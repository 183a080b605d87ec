namespace BusinessOps.Policies.Tests;

public sealed class PolicyPathsTests
{
    [Fact]
    public void Resolve_ExplicitPath_ReturnedUnchangedEvenIfMissing()
    {
        Assert.Equal("/no/such/policies-dir", PolicyPaths.Resolve("/no/such/policies-dir"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Resolve_Default_FindsAFolderHoldingRoutingYml(string? requested)
    {
        // Under the test runner the current directory may or may not hold policies/; either way the
        // result must be a real policy folder (the copy next to the test binaries is always there).
        var resolved = PolicyPaths.Resolve(requested);

        Assert.True(File.Exists(Path.Combine(resolved, "routing.yml")), resolved);
    }

    [Fact]
    public void ShippedCopy_NextToBinaries_HasAllSixFiles()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, PolicyPaths.DefaultDirectory);

        Assert.All(PolicyFileNames.All, name => Assert.True(File.Exists(Path.Combine(shipped, name)), name));
    }
}
