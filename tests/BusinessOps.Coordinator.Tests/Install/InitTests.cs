using BusinessOps.Coordinator.Install;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Install;

public sealed class InitTests : IDisposable
{
    private static readonly InstallOptions Options = new("acme/businessops", "v1.2.0");
    private readonly string _root = Directory.CreateTempSubdirectory("bo-init-").FullName;

    [Fact]
    public async Task Init_EmptyRepository_WritesWorkflowFormsPoliciesAndGuide()
    {
        var output = await ApplyAsync(force: false);

        Assert.True(File.Exists(Path.Combine(_root, ".github/workflows/businessops.yml")));
        Assert.True(File.Exists(Path.Combine(_root, "BUSINESSOPS.md")));
        Assert.True(File.Exists(Path.Combine(_root, "policies/routing.yml")));
        Assert.Equal(
            Directory.GetFiles(Path.Combine(NpmTools.RepositoryRoot(), ".github/ISSUE_TEMPLATE")).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(_root, ".github/ISSUE_TEMPLATE")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("kept", output, StringComparison.Ordinal);
        Assert.NotEqual(0xEF, File.ReadAllBytes(Path.Combine(_root, "policies/routing.yml"))[0]);
    }

    [Fact]
    public async Task Init_RepositoryWithSomeFiles_KeepsThemUntouchedAndSaysSo()
    {
        Directory.CreateDirectory(Path.Combine(_root, "policies"));
        File.WriteAllText(Path.Combine(_root, "policies/sla.yml"), "defaultPriority: P1\n");

        var output = await ApplyAsync(force: false);

        Assert.Equal("defaultPriority: P1\n", File.ReadAllText(Path.Combine(_root, "policies/sla.yml")));
        Assert.Contains("kept     policies/sla.yml", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "policies/routing.yml")));
        Assert.False(File.Exists(Path.Combine(_root, "policies/sla.yml.orig")));
    }

    [Fact]
    public async Task Init_Force_ShowsTheChangeThenReplacesKeepingTheOldFile()
    {
        Directory.CreateDirectory(Path.Combine(_root, "policies"));
        File.WriteAllText(Path.Combine(_root, "policies/sla.yml"), "defaultPriority: P1\n");

        var output = await ApplyAsync(force: true);

        Assert.Contains("replace  policies/sla.yml", output, StringComparison.Ordinal);
        Assert.Contains("- defaultPriority: P1", output, StringComparison.Ordinal);
        Assert.Contains("+ defaultPriority: P2", output, StringComparison.Ordinal);
        Assert.Equal("defaultPriority: P1\n", File.ReadAllText(Path.Combine(_root, "policies/sla.yml.orig")));
        Assert.Contains("defaultPriority: P2", File.ReadAllText(Path.Combine(_root, "policies/sla.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_Twice_SecondRunChangesNothing()
    {
        await ApplyAsync(force: false);

        var plan = Installer.Plan(_root, InstallFiles.For(Options), force: true);

        Assert.All(plan, p => Assert.Equal(InstallAction.Unchanged, p.Action));
    }

    [Fact]
    public async Task Init_DryRunWithForce_WritesNothing()
    {
        Directory.CreateDirectory(Path.Combine(_root, "policies"));
        File.WriteAllText(Path.Combine(_root, "policies/sla.yml"), "mine\n");
        var plan = Installer.Plan(_root, InstallFiles.For(Options), force: true);

        await Installer.ApplyAsync(_root, plan, dryRun: true, TextWriter.Null, CancellationToken.None);

        Assert.Equal(["sla.yml"], Directory.GetFiles(Path.Combine(_root, "policies")).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(_root, ".github")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> ApplyAsync(bool force)
    {
        using var output = new StringWriter();
        await Installer.ApplyAsync(_root, Installer.Plan(_root, InstallFiles.For(Options), force), dryRun: false, output, CancellationToken.None);
        return output.ToString();
    }
}
